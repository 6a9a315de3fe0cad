// Advance widths of the sans face the charts are set in, read from the font
// file the page itself loads (the WOFF beside @fontsource's WOFF2), so that a
// chart can place its labels by their measured width instead of a guess per
// letter. WOFF 1.0 is the sfnt tables, each zlib-compressed: only cmap (format
// 4), hhea, head and hmtx are read. Kerning is ignored; callers keep a margin.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";

const require = createRequire(import.meta.url);

interface Metrics {
  unitsPerEm: number;
  advance: (codePoint: number) => number;
}

function tables(woff: Buffer): Map<string, Buffer> {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("expected a WOFF 1.0 font");
  const count = woff.readUInt16BE(12);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const rec = 44 + i * 20;
    const tag = woff.toString("latin1", rec, rec + 4);
    const offset = woff.readUInt32BE(rec + 4);
    const compLength = woff.readUInt32BE(rec + 8);
    const origLength = woff.readUInt32BE(rec + 12);
    const data = woff.subarray(offset, offset + compLength);
    out.set(tag, compLength < origLength ? inflateSync(data) : data);
  }
  return out;
}

/** Glyph id of each code point, from the first format-4 subtable (Unicode BMP). */
function cmap4(cmap: Buffer): (cp: number) => number {
  const n = cmap.readUInt16BE(2);
  for (let i = 0; i < n; i++) {
    const off = cmap.readUInt32BE(4 + i * 8 + 4);
    if (cmap.readUInt16BE(off) !== 4) continue;
    const segX2 = cmap.readUInt16BE(off + 6);
    const ends = off + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    return (cp) => {
      for (let s = 0; s < segX2; s += 2) {
        if (cmap.readUInt16BE(ends + s) < cp) continue;
        const start = cmap.readUInt16BE(starts + s);
        if (start > cp) return 0;
        const delta = cmap.readInt16BE(deltas + s);
        const range = cmap.readUInt16BE(ranges + s);
        if (range === 0) return (cp + delta) & 0xffff;
        const glyph = cmap.readUInt16BE(ranges + s + range + (cp - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error("expected a format-4 cmap");
}

function metrics(file: string): Metrics {
  const t = tables(readFileSync(file));
  const head = t.get("head");
  const hhea = t.get("hhea");
  const hmtx = t.get("hmtx");
  const cmap = t.get("cmap");
  if (!head || !hhea || !hmtx || !cmap) throw new Error(`${file}: expected head, hhea, hmtx and cmap tables`);
  const unitsPerEm = head.readUInt16BE(18);
  const longMetrics = hhea.readUInt16BE(34);
  const glyphOf = cmap4(cmap);
  const advanceOf = (g: number) => hmtx.readUInt16BE(4 * Math.min(g, longMetrics - 1));
  return { unitsPerEm, advance: (cp) => advanceOf(glyphOf(cp)) };
}

const cache = new Map<string, Metrics>();

/** The chart face (Inter, as fonts.css loads it) at a weight of 400, 600 or 700. */
function interMetrics(weight: 400 | 600 | 700): Metrics {
  const name = `@fontsource/inter/files/inter-latin-${weight}-normal.woff`;
  let m = cache.get(name);
  if (!m) {
    m = metrics(require.resolve(name));
    cache.set(name, m);
  }
  return m;
}

/** Width of `text` set in Inter at `size` (in the caller's units), kerning aside. */
export function textWidth(text: string, size: number, weight: 400 | 600 | 700 = 400): number {
  const m = interMetrics(weight);
  let units = 0;
  for (const ch of text) units += m.advance(ch.codePointAt(0) ?? 0);
  return (units / m.unitsPerEm) * size;
}
