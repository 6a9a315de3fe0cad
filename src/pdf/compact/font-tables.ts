// Chromium embeds its font subsets with their OpenType layout tables (GPOS,
// GSUB, GDEF, STAT...). A PDF viewer draws glyphs by id and never shapes
// text, so those tables are dead weight; the glyphs, metrics and hinting stay.
const KEEP = new Set(["head", "hhea", "hmtx", "loca", "glyf", "maxp", "cvt ", "fpgm", "prep", "OS/2", "cmap", "post", "name"]);

export function checksum(data: Uint8Array): number {
  const padded = new Uint8Array((data.length + 3) & ~3);
  padded.set(data);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** The font with only the tables a PDF needs, or the input unchanged if it is not a plain TrueType file. */
export function pruneFontTables(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.length < 12 || view.getUint32(0) !== 0x00010000) return font;
  const count = view.getUint16(4);
  const tables: { tag: string; data: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(rec, rec + 4));
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    if (offset + length > font.length) return font;
    if (KEEP.has(tag)) tables.push({ tag, data: font.subarray(offset, offset + length) });
  }
  if (tables.length === count) return font;
  return writeFont(tables);
}

/** A TrueType file from its tables: directory, padding, checksums and head's checkSumAdjustment. */
export function writeFont(tables: { tag: string; data: Uint8Array }[]): Uint8Array {
  tables = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = tables.length;
  const headerSize = 12 + n * 16;
  const total = headerSize + tables.reduce((s, t) => s + ((t.data.length + 3) & ~3), 0);
  const out = new Uint8Array(total);
  const ov = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  ov.setUint32(0, 0x00010000);
  ov.setUint16(4, n);
  ov.setUint16(6, pow * 16);
  ov.setUint16(8, Math.log2(pow));
  ov.setUint16(10, n * 16 - pow * 16);
  let offset = headerSize;
  let headOffset = -1;
  tables.forEach((t, i) => {
    const rec = 12 + i * 16;
    out.set(
      [...t.tag].map((c) => c.charCodeAt(0)),
      rec,
    );
    out.set(t.data, offset);
    if (t.tag === "head") {
      headOffset = offset;
      ov.setUint32(offset + 8, 0); // checkSumAdjustment is computed over the whole file below
    }
    ov.setUint32(rec + 4, checksum(out.subarray(offset, offset + t.data.length)));
    ov.setUint32(rec + 8, offset);
    ov.setUint32(rec + 12, t.data.length);
    offset += (t.data.length + 3) & ~3;
  });
  if (headOffset >= 0) ov.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
