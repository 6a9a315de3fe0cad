// The open data attached inside the PDF, as PDF/A-3 allows and says how
// (ISO 19005-3, 6.8; ISO 32000-2, 14.13): each file an EmbeddedFile stream with
// its MIME type (/Subtype), size and date (/Params), named by a file
// specification (/F, /UF, /Desc, /AFRelationship), listed in the catalog's
// EmbeddedFiles name tree (what viewers and pdfdetach show) and in its /AF
// array (what ties each file to the document). Written by hand rather than with
// pdf-lib's attach(): the name tree must be sorted, and nothing here may depend
// on the clock or on the order files were given in.
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, type PDFRef, PDFString } from "pdf-lib";

export interface Attachment {
  /** File name, as beside the PDF (ASCII: /F and /UF then agree). */
  name: string;
  bytes: Uint8Array;
  /** MIME type, written as /Subtype ("text/csv"). */
  mediatype: string;
  /** What the file is, for the reader (/Desc). */
  description: string;
  /** Data: the tables the document presents; Supplement: a file that describes them (the data package). */
  relationship: "Data" | "Supplement";
}

/** D:YYYYMMDDHHmmSSZ, in UTC: the edition's date, never the time of the build. */
const pdfDate = (d: Date) => `D:${d.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;

function fileSpec(doc: PDFDocument, file: Attachment, date: Date): PDFRef {
  const { context } = doc;
  const stream = PDFRawStream.of(
    context.obj({
      Type: "EmbeddedFile",
      Subtype: PDFName.of(file.mediatype),
      Filter: "FlateDecode",
      Params: {
        Size: PDFNumber.of(file.bytes.length),
        CreationDate: PDFString.of(pdfDate(date)),
        ModDate: PDFString.of(pdfDate(date)),
        // ISO 32000-1, table 46: the MD5 of the file, so a reader can check the copy it saves.
        CheckSum: PDFHexString.of(createHash("md5").update(file.bytes).digest("hex")),
      },
    }),
    deflateSync(file.bytes, { level: 9 }),
  );
  const embedded = context.register(stream);
  return context.register(
    context.obj({
      Type: "Filespec",
      F: PDFString.of(file.name),
      UF: PDFHexString.fromText(file.name),
      Desc: PDFHexString.fromText(file.description),
      AFRelationship: PDFName.of(file.relationship),
      EF: { F: embedded, UF: embedded },
    }),
  );
}

export function attachFiles(doc: PDFDocument, files: readonly Attachment[], date: Date): void {
  if (!files.length) return;
  if (files.some((f) => !/^[\x20-\x7e]+$/.test(f.name) || /[()\\]/.test(f.name)))
    throw new Error("attachments: file names must be printable ASCII without ( ) \\");
  // A name tree's keys are in byte order (ISO 32000-1, 7.9.6); the names are ASCII, so code units sort the same.
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = PDFArray.withContext(doc.context);
  const af = PDFArray.withContext(doc.context);
  for (const file of sorted) {
    const spec = fileSpec(doc, file, date);
    names.push(PDFString.of(file.name));
    names.push(spec);
    af.push(spec);
  }
  const catalog = doc.catalog;
  let nameDict = catalog.lookupMaybe(PDFName.of("Names"), PDFDict);
  if (!nameDict) {
    nameDict = doc.context.obj({});
    catalog.set(PDFName.of("Names"), nameDict);
  }
  nameDict.set(PDFName.of("EmbeddedFiles"), doc.context.obj({ Names: names }));
  catalog.set(PDFName.of("AF"), af);
}
