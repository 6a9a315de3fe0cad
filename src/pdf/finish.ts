// Finishing: edits Chromium's PDF in place with pdf-lib (copying pages into a
// new document would drop the tag structure Chromium writes): metadata,
// bookmarks, page labels, and the fixed dates and ID that make builds repeatable.
import { createHash } from "node:crypto";
import { PDFArray, PDFHexString } from "pdf-lib";
import { namedDestinations } from "../readback/destinations.js";
import { loadPdf } from "../runtime/load-pdf.js";
import type { Heading } from "../sections/section-kit.js";
import { type Attachment, attachFiles } from "./attachments.js";
import { compactPdf } from "./compact/compact-pdf.js";
import { writeMetadata } from "./metadata.js";
import { addOutline } from "./outline.js";
import { addOutputIntent } from "./output-intent.js";
import { addPageLabels } from "./page-labels.js";
import { addPrintMarks, type PrintMarksOptions } from "./print-marks.js";
import { applyStableIds, sortIdTree, stableIdMap } from "./stable-ids.js";
import { stripLinks } from "./strip-links.js";
import { fixStructure } from "./structure-fixes.js";
import { type DocumentInfo, type Standards, standardNames } from "./xmp.js";

/** Digital: PDF/A-3a and PDF/UA-1. Print: PDF/A-3a (a print-shop file makes no accessibility claim). */
export function standardsFor(print: boolean): Standards {
  return print ? { pdfa: { part: 3, conformance: "A" } } : { pdfa: { part: 3, conformance: "A" }, pdfua: 1 };
}

export interface FinishOptions extends DocumentInfo {
  headings: Heading[];
  hasCover: boolean;
  hasBackCover: boolean;
  coverLabel: string;
  backCoverLabel: string;
  /** Print profile: TrimBox, BleedBox and crop marks, and no live links. */
  printMarks?: PrintMarksOptions;
  /** false skips the slow part of the size pass, the fonts (the preview, where a file is thrown away at the next save). */
  compact?: boolean;
  /** Files carried inside the PDF (the edition's open data), dated with `date`. */
  attachments?: Attachment[];
}

export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
  bookmarks: number;
  pageLabels: string[];
  documentId: string;
  /** The standards the file claims in its XMP ("PDF/A-3a", "PDF/UA-1"). */
  standards: string[];
}

// The document ID is the hash of the finished file itself: it is written as
// zeros, the file is saved, hashed, and the zeros replaced by the hash (same
// length, in the uncompressed XMP packet and trailer). Same bytes, same ID.
const ZERO_ID = "0".repeat(32);
const asUuid = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

function replaceAll(bytes: Uint8Array, from: string, to: string, expected: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(from, "latin1");
  let found = 0;
  for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + needle.length)) {
    buf.write(to, at, "latin1");
    found++;
  }
  if (found !== expected) throw new Error(`document ID: found ${found} of ${expected} places for it`);
}

export async function finishPdf(raw: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
  const doc = await loadPdf(raw);
  applyStableIds(doc, stableIdMap(raw, doc));
  sortIdTree(doc);

  const standards = options.standards ?? standardsFor(Boolean(options.printMarks));
  writeMetadata(doc, { ...options, standards }, asUuid(ZERO_ID));
  if (standards.pdfa) addOutputIntent(doc);

  const dests = namedDestinations(doc);
  const bookmarks = addOutline(doc, options.headings, dests);
  const pageLabels = addPageLabels(doc, {
    pageCount: doc.getPageCount(),
    hasCover: options.hasCover,
    hasBackCover: options.hasBackCover,
    coverLabel: options.coverLabel,
    backCoverLabel: options.backCoverLabel,
  });

  if (options.printMarks) stripLinks(doc);
  fixStructure(doc, options.headings);
  if (options.printMarks) {
    addPrintMarks(doc, options.printMarks);
  }

  // Always: the same pass makes the text layer right (see compact-pdf.ts).
  compactPdf(doc, { fonts: options.compact !== false });
  // After the size pass, which has no business with these streams.
  attachFiles(doc, options.attachments ?? [], options.date);

  const id = PDFHexString.of(ZERO_ID);
  doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  (doc.context.trailerInfo.ID as PDFArray).push(id);

  // Written in one go, as loadPdf() reads (src/runtime/load-pdf.ts): the default stops every 50 objects.
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  replaceAll(bytes, `uuid:${asUuid(ZERO_ID)}`, `uuid:${asUuid(hash)}`, 2);
  replaceAll(bytes, `<${ZERO_ID}>`, `<${hash}>`, 2);
  return { bytes, pages: doc.getPageCount(), bookmarks, pageLabels, documentId: asUuid(hash), standards: standardNames(standards) };
}
