// Makes Chromium's PDF smaller with no visible change and no change to the tags: glyph runs
// merged into TJ arrays, numbers rounded below print resolution, unused font
// tables dropped, every stream recompressed at the highest zlib level. The same
// pass mends the text layer (invisible glyphs dropped, letter-spaced runs in
// wider font copies, ToUnicode told what ligatures mean), which is why it runs
// on drafts too, without the font-file part.
import { deflateSync, inflateSync } from "node:zlib";
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef } from "pdf-lib";
import { collectGlyphUses, type GlyphUse, type GlyphUses, meaningOfGlyphs } from "./actual-text-glyphs.js";
import { markArtifacts } from "./artifacts.js";
import { serialize, tokenize } from "./content-tokens.js";
import { pruneFontTables } from "./font-tables.js";
import { fontWidths } from "./font-widths.js";
import { actualText, dropInvisibleText } from "./invisible-text.js";
import { finishSpacedCopies, type SpacedCopy, spacedFonts } from "./spaced-fonts.js";
import { mergeTextRuns } from "./text-runs.js";
import { setToUnicode } from "./to-unicode.js";

export interface CompactStats {
  contentStreams: number;
  fonts: number;
  /** Invisible-character glyphs (soft hyphens…) taken out of the text layer. */
  invisibleGlyphs: number;
  /** ToUnicode entries set from ActualText (ligatures, apostrophes). */
  toUnicode: number;
  /** Runs of untagged painting marked as artifacts (running heads, folios, leaders). */
  artifacts: number;
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

/** Glyph uses per font dictionary, over every content stream; `undefined` once a stream showing the font could not be read. */
type FontGlyphUses = Map<PDFDict, Map<string, GlyphUse> | undefined>;

function recordUses(doc: PDFDocument, resources: PDFDict | undefined, uses: GlyphUses | undefined, all: FontGlyphUses): void {
  const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
  for (const [name, fontRef] of fonts?.entries() ?? []) {
    const font = doc.context.lookupMaybe(fontRef, PDFDict);
    if (!font || (all.has(font) && all.get(font) === undefined)) continue;
    if (!uses) {
      all.set(font, undefined);
      continue;
    }
    const merged = all.get(font) ?? new Map<string, GlyphUse>();
    for (const [glyph, u] of uses.get(name.asString().slice(1)) ?? []) {
      const m = merged.get(glyph) ?? { texts: new Set<string>(), plain: 0 };
      for (const t of u.texts) m.texts.add(t);
      m.plain += u.plain;
      merged.set(glyph, m);
    }
    all.set(font, merged);
  }
}

/** Each font's ToUnicode told what its ActualText-only glyphs mean. */
function fixToUnicode(doc: PDFDocument, glyphs: FontGlyphUses, stats: CompactStats): void {
  for (const [font, uses] of glyphs) {
    const meanings = uses && meaningOfGlyphs(uses);
    if (!meanings?.size) continue;
    const ref = font.get(PDFName.of("ToUnicode"));
    const stream = ref && doc.context.lookup(ref);
    if (!(ref instanceof PDFRef) || !(stream instanceof PDFRawStream)) continue;
    const data = decoded(stream);
    const cmap = data && setToUnicode(Buffer.from(data).toString("latin1"), meanings);
    if (!cmap) continue;
    replace(doc, ref, stream, Buffer.from(cmap, "latin1"), stats, true);
    stats.toUnicode += meanings.size;
  }
}

const actualTextValue = (props: string) => actualText(props)?.value;

interface Shared {
  glyphs: FontGlyphUses;
  /** Letter-spaced copies of fonts, by font and spacing. */
  spaced: Map<string, SpacedCopy | undefined>;
}

function compactContent(doc: PDFDocument, ref: PDFRef, resources: PDFDict | undefined, stats: CompactStats, shared: Shared): void {
  const { glyphs } = shared;
  const stream = doc.context.lookup(ref);
  if (!(stream instanceof PDFRawStream)) return;
  const data = decoded(stream);
  if (!data) {
    recordUses(doc, resources, undefined, glyphs);
    return;
  }
  let text: string;
  let removed: number;
  try {
    const visible = dropInvisibleText(tokenize(Buffer.from(data).toString("latin1")));
    removed = visible.removed;
    const uses: GlyphUses = new Map();
    collectGlyphUses(visible.tokens, actualTextValue, uses);
    recordUses(doc, resources, uses, glyphs);
    const merged = mergeTextRuns(visible.tokens, fontWidths(doc, resources), spacedFonts(doc, resources, shared.spaced));
    const marked = markArtifacts(merged);
    stats.artifacts += marked.runs;
    text = serialize(marked.tokens);
  } catch {
    // Something we do not parse: the stream stays as Chromium wrote it, and its fonts' ToUnicode too.
    recordUses(doc, resources, undefined, glyphs);
    return;
  }
  stats.invisibleGlyphs += removed;
  replace(doc, ref, stream, Buffer.from(text, "latin1"), stats, true);
  stats.contentStreams++;
}

/** `fonts: false` (drafts) leaves the font files alone, the slow part. */
export function compactPdf(doc: PDFDocument, options: { fonts?: boolean } = {}): CompactStats {
  const stats: CompactStats = { contentStreams: 0, fonts: 0, invisibleGlyphs: 0, toUnicode: 0, artifacts: 0, before: 0, after: 0 };
  const glyphs: FontGlyphUses = new Map();
  const shared: Shared = { glyphs, spaced: new Map() };
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const resources = page.node.Resources();
    for (const ref of refs) if (ref) compactContent(doc, ref as PDFRef, resources, stats, shared);
  }
  const forms = doc.context
    .enumerateIndirectObjects()
    .filter(([, o]) => o instanceof PDFRawStream && o.dict.lookup(PDFName.of("Subtype")) === PDFName.of("Form"));
  for (const [ref, obj] of forms)
    compactContent(doc, ref, (obj as PDFRawStream).dict.lookupMaybe(PDFName.of("Resources"), PDFDict), stats, shared);
  finishSpacedCopies(doc, shared.spaced);
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    if (options.fonts !== false && obj.dict.has(PDFName.of("Length1"))) {
      const data = decoded(obj);
      if (!data) continue;
      const pruned = pruneFontTables(data);
      const dict = obj.dict;
      dict.set(PDFName.of("Length1"), PDFNumber.of(pruned.length));
      replace(doc, ref, obj, pruned, stats);
      stats.fonts++;
    }
  }
  fixToUnicode(doc, glyphs, stats);
  return stats;
}
