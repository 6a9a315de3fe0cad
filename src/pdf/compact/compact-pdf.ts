// Makes Chromium's PDF smaller with no visible change and no change to the tags: glyph runs
// merged into TJ arrays, numbers rounded below print resolution, unused font
// tables dropped, every stream recompressed at the highest zlib level.
import { deflateSync, inflateSync } from "node:zlib";
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from "pdf-lib";
import { serialize, tokenize } from "./content-tokens.js";
import { pruneFontTables } from "./font-tables.js";
import { fontWidths } from "./font-widths.js";
import { mergeTextRuns } from "./text-runs.js";

export interface CompactStats {
  contentStreams: number;
  fonts: number;
  before: number;
  after: number;
}

const FLATE = PDFName.of("FlateDecode");

function decoded(stream: PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.lookup(PDFName.of("Filter"));
  if (filter && filter !== FLATE) return undefined;
  if (stream.dict.has(PDFName.of("DecodeParms"))) return undefined;
  // Node's zlib is several times faster than pdf-lib's JavaScript inflate.
  return filter ? inflateSync(stream.contents) : stream.contents;
}

function replace(doc: PDFDocument, ref: PDFRef, stream: PDFRawStream, data: Uint8Array, stats: CompactStats): void {
  const packed = deflateSync(data, { level: 9 });
  stats.before += stream.contents.length;
  if (packed.length >= stream.contents.length) {
    stats.after += stream.contents.length;
    return;
  }
  const dict = stream.dict.clone(doc.context);
  dict.set(PDFName.of("Filter"), FLATE);
  dict.set(PDFName.of("Length"), PDFNumber.of(packed.length));
  doc.context.assign(ref, PDFRawStream.of(dict, packed));
  stats.after += packed.length;
}

function compactContent(doc: PDFDocument, ref: PDFRef, resources: PDFDict | undefined, stats: CompactStats): void {
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return;
  const data = decoded(stream);
  if (!data) return;
  let text: string;
  try {
    text = serialize(mergeTextRuns(tokenize(Buffer.from(data).toString("latin1")), fontWidths(doc, resources)));
  } catch {
    return; // something we do not parse: the stream stays as Chromium wrote it
  }
  replace(doc, ref, stream, Buffer.from(text, "latin1"), stats);
  stats.contentStreams++;
}

export function compactPdf(doc: PDFDocument): CompactStats {
  const stats: CompactStats = { contentStreams: 0, fonts: 0, before: 0, after: 0 };
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const resources = page.node.Resources();
    for (const ref of refs) if (ref) compactContent(doc, ref as PDFRef, resources, stats);
  }
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const subtype = obj.dict.lookup(PDFName.of("Subtype"));
    if (subtype === PDFName.of("Form")) {
      compactContent(doc, ref, obj.dict.lookupMaybe(PDFName.of("Resources"), PDFDict), stats);
    } else if (obj.dict.has(PDFName.of("Length1"))) {
      const data = decoded(obj);
      if (!data) continue;
      const pruned = pruneFontTables(data);
      const dict = obj.dict;
      dict.set(PDFName.of("Length1"), PDFNumber.of(pruned.length));
      replace(doc, ref, obj, pruned, stats);
      stats.fonts++;
    }
  }
  return stats;
}
