// A letter-spaced copy of a font (spaced-fonts.ts) has widths wider than its
// glyphs: PDF/A and PDF/UA want a font dictionary's widths to be the font
// program's (ISO 19005-3, 6.2.11.5; ISO 14289-1, 7.21.5). So the copy gets its
// own program, whose advance widths (hmtx) are wider by the same spacing. It
// keeps the outlines of the glyphs the copy shows only (the others empty, their
// ids unchanged): a copy serves a running head or a label, a few letters.
import { writeFont } from "./font-tables.js";

function readTables(font: Uint8Array): Map<string, Uint8Array> | undefined {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  if (font.length < 12 || view.getUint32(0) !== 0x00010000) return undefined;
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(rec, rec + 4));
    const offset = view.getUint32(rec + 8);
    const length = view.getUint32(rec + 12);
    if (offset + length > font.length) return undefined;
    out.set(tag, font.slice(offset, offset + length));
  }
  return out;
}

const dv = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function widen(hhea: Uint8Array, hmtx: Uint8Array, delta: number): boolean {
  const count = dv(hhea).getUint16(34);
  if (count * 4 > hmtx.length) return false;
  const m = dv(hmtx);
  for (let i = 0; i < count; i++) m.setUint16(i * 4, Math.min(0xffff, m.getUint16(i * 4) + delta));
  dv(hhea).setUint16(10, Math.min(0xffff, dv(hhea).getUint16(10) + delta));
  return true;
}

/** Component glyph ids of a composite glyph (TrueType glyf, composite description). */
function components(glyph: Uint8Array): number[] {
  const v = dv(glyph);
  if (glyph.length < 10 || v.getInt16(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (let flags = 0x20; flags & 0x20 && at + 4 <= glyph.length; ) {
    flags = v.getUint16(at);
    out.push(v.getUint16(at + 2));
    at += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
  }
  return out;
}

/** glyf and loca with only `keep` (and .notdef, and their components) drawn. */
function subset(
  head: Uint8Array,
  loca: Uint8Array,
  glyf: Uint8Array,
  keep: Set<number>,
): { loca: Uint8Array; glyf: Uint8Array } | undefined {
  const long = dv(head).getInt16(50) === 1;
  const count = loca.length / (long ? 4 : 2) - 1;
  const at = (i: number) => (long ? dv(loca).getUint32(i * 4) : dv(loca).getUint16(i * 2) * 2);
  const glyph = (i: number) => glyf.subarray(at(i), at(i + 1));
  if (at(count) > glyf.length) return undefined;
  const kept = new Set([0]);
  const todo = [...keep];
  while (todo.length) {
    const g = todo.pop() as number;
    if (g >= count || kept.has(g)) continue;
    kept.add(g);
    todo.push(...components(glyph(g)));
  }
  const parts: Uint8Array[] = [];
  const offsets: number[] = [0];
  for (let i = 0; i < count; i++) {
    const data = kept.has(i) ? glyph(i) : new Uint8Array(0);
    const padded = new Uint8Array((data.length + 3) & ~3);
    padded.set(data);
    parts.push(padded);
    offsets.push(offsets[i] + padded.length);
  }
  if (!long && offsets[count] > 0x1fffe) return undefined;
  const newLoca = new Uint8Array(loca.length);
  offsets.forEach((o, i) => {
    if (long) dv(newLoca).setUint32(i * 4, o);
    else dv(newLoca).setUint16(i * 2, o / 2);
  });
  const newGlyf = new Uint8Array(offsets[count]);
  let glyfAt = 0;
  for (const p of parts) {
    newGlyf.set(p, glyfAt);
    glyfAt += p.length;
  }
  return { loca: newLoca, glyf: newGlyf };
}

/** The TrueType program of a spaced copy; undefined if it is not one we read. */
export function spacedProgram(font: Uint8Array, spacing: number, glyphs: Set<number>): Uint8Array | undefined {
  const t = readTables(font);
  const head = t?.get("head");
  const hhea = t?.get("hhea");
  const hmtx = t?.get("hmtx");
  const loca = t?.get("loca");
  const glyf = t?.get("glyf");
  if (!t || !head || !hhea || !hmtx || !loca || !glyf) return undefined;
  if (!widen(hhea, hmtx, Math.round((spacing * dv(head).getUint16(18)) / 1000))) return undefined;
  const small = subset(head, loca, glyf, glyphs);
  if (!small) return undefined;
  t.set("loca", small.loca);
  t.set("glyf", small.glyf);
  return writeFont([...t].map(([tag, data]) => ({ tag, data })));
}
