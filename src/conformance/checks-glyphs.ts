// Every glyph the content streams show (ISO 19005-3 6.2.11.4.1-2, 6.2.11.5,
// 6.2.11.7, 6.2.11.8; UA 7.21.4.1-2, 7.21.5, 7.21.7, 7.21.8): present in
// the embedded program, its width there as in the font dictionary, mapped to
// Unicode (no U+0000, U+FEFF, U+FFFE; private-use code points under an
// ActualText), never .notdef. Read for CID fonts over TrueType programs (what
// Chromium writes); for other programs a glyph's presence and width are not
// read (veraPDF's test passes on an unknown value too), its Unicode and
// .notdef are.
import { PDFArray, type PDFDict, type PDFDocument, PDFNumber, PDFRawStream } from "pdf-lib";
import { readToUnicode } from "./cmap.js";
import { type Operand, opBytes, opName } from "./content.js";
import { arrayOf, dictOf, get, N, nameOf, numberOf, resolve, streamData } from "./cos.js";
import { readTrueType, type TrueType } from "./truetype.js";
import type { Check } from "./types.js";
import { opsOf, streamsOf } from "./walk.js";

interface FontInfo {
  label: string;
  bytes: 1 | 2;
  toUnicode?: Map<number, string>;
  /** A simple font whose encoding gives Unicode by glyph names. */
  namedEncoding: boolean;
  cid: boolean;
  program?: TrueType;
  gid(code: number): number | undefined;
  width(code: number): number | undefined;
  notdef(code: number): boolean;
}

function cidWidths(doc: PDFDocument, cid: PDFDict | undefined): (c: number) => number {
  const dw = numberOf(get(doc, cid, "DW")) ?? 1000;
  const w = arrayOf(doc, get(doc, cid, "W")) ?? [];
  const map = new Map<number, number>();
  for (let i = 0; i < w.length; ) {
    const first = numberOf(resolve(doc, w[i]));
    const next = resolve(doc, w[i + 1]);
    if (first === undefined) break;
    if (next instanceof PDFArray) {
      next.asArray().forEach((x, j) => {
        map.set(first + j, numberOf(resolve(doc, x)) ?? dw);
      });
      i += 2;
    } else {
      const last = numberOf(next) ?? first;
      const width = numberOf(resolve(doc, w[i + 2])) ?? dw;
      for (let c = first; c <= last && c - first < 65536; c++) map.set(c, width);
      i += 3;
    }
  }
  return (c) => map.get(c) ?? dw;
}

function fontInfo(doc: PDFDocument, font: PDFDict, label: string): FontInfo {
  const sub = nameOf(get(doc, font, "Subtype"));
  const tu = streamData(doc, font.get(N("ToUnicode")));
  const toUnicode = tu ? readToUnicode(Buffer.from(tu).toString("latin1")) : undefined;
  if (sub === "Type0") {
    const cid = dictOf(doc, arrayOf(doc, get(doc, font, "DescendantFonts"))?.[0]);
    const fd = dictOf(doc, get(doc, cid, "FontDescriptor"));
    const program =
      nameOf(get(doc, cid, "Subtype")) === "CIDFontType2"
        ? readTrueType(streamData(doc, fd?.get(N("FontFile2"))) ?? new Uint8Array())
        : undefined;
    const map = resolve(doc, cid?.get(N("CIDToGIDMap")));
    const gidMap = map instanceof PDFRawStream ? streamData(doc, map) : undefined;
    const gid = (c: number) => (gidMap ? ((gidMap[2 * c] ?? 0) << 8) + (gidMap[2 * c + 1] ?? 0) : c);
    const widths = cidWidths(doc, cid);
    // Identity-H/V: the code is the CID. Other CMaps are not decoded (none is written): codes read as CIDs.
    return { label, bytes: 2, toUnicode, namedEncoding: false, cid: true, program, gid, width: widths, notdef: (c) => gid(c) === 0 };
  }
  const enc = resolve(doc, font.get(N("Encoding")));
  const encName = enc && "get" in enc ? nameOf(get(doc, enc as PDFDict, "BaseEncoding")) : nameOf(enc);
  const diffs = new Map<number, string>();
  const d = enc && "get" in enc ? arrayOf(doc, get(doc, enc as PDFDict, "Differences")) : undefined;
  let code = 0;
  for (const x of d ?? []) {
    const r = resolve(doc, x);
    if (r instanceof PDFNumber) code = r.asNumber();
    else if (nameOf(r)) diffs.set(code++, nameOf(r) as string);
  }
  const first = numberOf(get(doc, font, "FirstChar")) ?? 0;
  const widths = arrayOf(doc, get(doc, font, "Widths"));
  return {
    label,
    bytes: 1,
    toUnicode,
    namedEncoding: ["WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding"].includes(encName ?? "") || sub === "Type3",
    cid: false,
    gid: () => undefined,
    width: (c) => numberOf(resolve(doc, widths?.[c - first])),
    notdef: (c) => diffs.get(c) === ".notdef",
  };
}

const PUA = (cp: number) => (cp >= 0xe000 && cp <= 0xf8ff) || (cp >= 0xf0000 && cp <= 0xffffd) || (cp >= 0x100000 && cp <= 0x10fffd);

export const glyphChecks: Check[] = [
  {
    family: "glyphs",
    ids: [
      { a: "6.2.11.4.1-2", ua: "7.21.4.1-2" },
      { a: "6.2.11.5-1", ua: "7.21.5-1" },
      { a: "6.2.11.7.2-1", ua: "7.21.7-1" },
      { a: "6.2.11.7.2-2", ua: "7.21.7-2" },
      { a: "6.2.11.7.3-1" },
      { a: "6.2.11.8-1", ua: "7.21.8-1" },
    ],
    run(ctx) {
      const { doc } = ctx;
      const cache = new Map<PDFDict, FontInfo>();
      for (const s of streamsOf(doc)) {
        const fonts = dictOf(doc, get(doc, s.resources, "Font"));
        const props = dictOf(doc, get(doc, s.resources, "Properties"));
        let font: FontInfo | undefined;
        let mode = 0;
        const saved: number[] = [];
        const actual: boolean[] = [];
        const checked = new Set<string>();
        const show = (bytes: string) => {
          if (!font) return;
          const f = font;
          for (let i = 0; i + f.bytes <= bytes.length; i += f.bytes) {
            const c = f.bytes === 2 ? bytes.charCodeAt(i) * 256 + bytes.charCodeAt(i + 1) : bytes.charCodeAt(i);
            const underActual = actual.includes(true);
            const key = `${f.label}:${c}:${mode === 3}:${underActual}`;
            if (checked.has(key)) continue;
            checked.add(key);
            const where = { page: s.page, object: f.label };
            const hex = c.toString(16).padStart(f.bytes * 2, "0");
            if (f.notdef(c)) ctx.fail({ a: "6.2.11.8-1", ua: "7.21.8-1" }, where, `code <${hex}> shows .notdef`);
            const gid = f.gid(c);
            if (mode !== 3 && f.program && gid !== undefined) {
              if (gid >= f.program.numGlyphs)
                ctx.fail({ a: "6.2.11.4.1-2", ua: "7.21.4.1-2" }, where, `code <${hex}>: glyph ${gid} not in the program`);
              const fromProgram = f.program.width(gid);
              const fromDict = f.width(c);
              if (fromProgram !== undefined && fromDict !== undefined && Math.abs(fromProgram - fromDict) > 1)
                ctx.fail(
                  { a: "6.2.11.5-1", ua: "7.21.5-1" },
                  where,
                  `code <${hex}>: width ${fromDict}, the program's ${fromProgram.toFixed(1)}`,
                );
            }
            const u = f.toUnicode?.get(c);
            if (u === undefined && !f.namedEncoding)
              ctx.fail({ a: "6.2.11.7.2-1", ua: "7.21.7-1" }, where, `code <${hex}> without a Unicode value`);
            // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is what the rule forbids
            if (u !== undefined && /[\u0000\uFEFF\uFFFE]/.test(u))
              ctx.fail({ a: "6.2.11.7.2-2", ua: "7.21.7-2" }, where, `code <${hex}> maps to U+0000, U+FEFF or U+FFFE`);
            if (u !== undefined && [...u].some((x) => PUA(x.codePointAt(0) ?? 0)) && !underActual)
              ctx.fail({ a: "6.2.11.7.3-1" }, where, `code <${hex}> maps to a private-use code point outside an ActualText`);
          }
        };
        for (const o of opsOf(s)) {
          if (o.op === "Tf") {
            const name = opName(o.operands[0]);
            const dict = dictOf(doc, name ? fonts?.get(N(name)) : undefined);
            if (!dict) font = undefined;
            else {
              if (!cache.has(dict))
                cache.set(
                  dict,
                  fontInfo(doc, dict, `Font ${nameOf(get(doc, dict, "BaseFont")) ?? name} (${fonts?.get(N(name as string))})`),
                );
              font = cache.get(dict);
            }
          } else if (o.op === "Tr") mode = Number(o.operands[0] ?? 0);
          else if (o.op === "q") saved.push(mode);
          else if (o.op === "Q") mode = saved.pop() ?? mode;
          else if (o.op === "BDC" || o.op === "BMC") {
            const p = o.operands[1];
            const inline = p && typeof p === "object" && "dict" in p ? /\/ActualText\s*[(<]/.test(p.dict) : false;
            const named = opName(p) ? dictOf(doc, props?.get(N(opName(p) as string)))?.has(N("ActualText")) : false;
            actual.push(Boolean(inline || named));
          } else if (o.op === "EMC") actual.pop();
          else if (o.op === "Tj" || o.op === "'") show(opBytes(o.operands[0]) ?? "");
          else if (o.op === '"') show(opBytes(o.operands[2]) ?? "");
          else if (o.op === "TJ") for (const x of (Array.isArray(o.operands[0]) ? o.operands[0] : []) as Operand[]) show(opBytes(x) ?? "");
        }
      }
    },
  },
];
