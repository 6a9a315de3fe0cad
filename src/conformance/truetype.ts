// What the font rules read in an embedded TrueType program (FontFile2): the
// glyph count, the advance widths in font units, units per em and the cmap
// subtables' (platform, encoding) pairs. No outline is decoded.

export interface TrueType {
  numGlyphs: number;
  unitsPerEm: number;
  /** Advance width of a glyph, in 1000ths of an em (as PDF widths are). */
  width(gid: number): number | undefined;
  cmaps: [number, number][];
}

export function readTrueType(b: Uint8Array): TrueType | undefined {
  if (b.length < 12) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const tables = new Map<string, { offset: number; length: number }>();
  const n = v.getUint16(4);
  for (let i = 0; i < n && 12 + 16 * i + 16 <= b.length; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...b.subarray(at, at + 4));
    tables.set(tag, { offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
  }
  const head = tables.get("head");
  const maxp = tables.get("maxp");
  if (!head || !maxp || head.offset + 54 > b.length || maxp.offset + 6 > b.length) return undefined;
  const unitsPerEm = v.getUint16(head.offset + 18) || 1000;
  const numGlyphs = v.getUint16(maxp.offset + 4);
  const hhea = tables.get("hhea");
  const hmtx = tables.get("hmtx");
  const metrics = hhea && hhea.offset + 36 <= b.length ? v.getUint16(hhea.offset + 34) : 0;
  const width = (gid: number) => {
    if (!hmtx || metrics === 0 || gid >= numGlyphs) return undefined;
    const at = hmtx.offset + 4 * Math.min(gid, metrics - 1);
    return at + 2 <= b.length ? (v.getUint16(at) * 1000) / unitsPerEm : undefined;
  };
  const cmaps: [number, number][] = [];
  const cmap = tables.get("cmap");
  if (cmap && cmap.offset + 4 <= b.length) {
    const count = v.getUint16(cmap.offset + 2);
    for (let i = 0; i < count && cmap.offset + 4 + 8 * i + 4 <= b.length; i++)
      cmaps.push([v.getUint16(cmap.offset + 4 + 8 * i), v.getUint16(cmap.offset + 6 + 8 * i)]);
  }
  return { numGlyphs, unitsPerEm, width, cmaps };
}
