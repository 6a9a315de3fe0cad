// Makes Chromium's PDF smaller with no visible change and no change to the tags: glyph runs
// merged into TJ arrays, numbers rounded below print resolution, unused font
// tables dropped, every stream recompressed at the highest zlib level. The same
// pass mends the text layer (invisible glyphs dropped, letter-spacing as Tc),
// which is why it runs on drafts too, without the font part.
import { deflateSync, inflateSync } from "node:zlib";
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from "pdf-lib";
import { serialize, tokenize } from "./content-tokens.js";
import { pruneFontTables } from "./font-tables.js";
import { fontWidths } from "./font-widths.js";
import { dropInvisibleText } from "./invisible-text.js";
import { mergeTextRuns } from "./text-runs.js";

export interface CompactStats {
  contentStreams: number;
  fonts: number;
  /** Invisible-character glyphs (soft hyphens…) taken out of the text layer. */
  invisibleGlyphs: number;
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

function replace(doc: PDFDocument, ref: PDFRef, stream: PDFRawStream, data: Uint8Array, stats: CompactStats, changed = false): void {
  const packed = deflateSync(data, { level: 9 });
  stats.before += stream.contents.length;
  if (packed.length >= stream.contents.length && !changed) {
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
  let removed: number;
  try {
    const visible = dropInvisibleText(tokenize(Buffer.from(data).toString("latin1")));
    removed = visible.removed;
    text = serialize(mergeTextRuns(visible.tokens, fontWidths(doc, resources)));
  } catch {
    return; // something we do not parse: the stream stays as Chromium wrote it
  }
  stats.invisibleGlyphs += removed;
  replace(doc, ref, stream, Buffer.from(text, "latin1"), stats, true);
  stats.contentStreams++;
}

/** `fonts: false` (drafts) leaves the font files alone, the slow part. */
export function compactPdf(doc: PDFDocument, options: { fonts?: boolean } = {}): CompactStats {
  const stats: CompactStats = { contentStreams: 0, fonts: 0, invisibleGlyphs: 0, before: 0, after: 0 };
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
    } else if (options.fonts !== false && obj.dict.has(PDFName.of("Length1"))) {
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
