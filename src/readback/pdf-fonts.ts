// What the reader needs of a font to turn shown bytes into text and advances:
// how many bytes a code takes, its ToUnicode map, its widths (/W and /DW of a
// Type0's descendant, /Widths of a simple font), and its name (a change of
// font or size starts a new text item, as in pdf.js).
import { inflateSync } from "node:zlib";
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFStream } from "pdf-lib";

export interface ReadFont {
  bytes: 1 | 2;
  name: string;
  map: Map<number, string>;
  /** Advance of a code, in thousandths of the font size. */
  width(code: number): number;
}

const n = (name: string) => PDFName.of(name);

/** A stream's decoded bytes as latin1 text; Flate through Node's zlib (pdf-lib's own inflate is many times slower). */
export function streamText(stream: PDFStream): string {
  if (stream instanceof PDFRawStream) {
    const filter = stream.dict.get(PDFName.of("Filter"))?.toString();
    if (filter === "/FlateDecode" && !stream.dict.has(PDFName.of("DecodeParms")))
      return inflateSync(stream.getContents()).toString("latin1");
    return Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
  }
  return Buffer.from(stream.getContents()).toString("latin1");
}

const hexText = (hex: string) => {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return s;
};

export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(Number.parseInt(m[1], 16), hexText(m[2]));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const [lo, hi] = [Number.parseInt(m[1], 16), Number.parseInt(m[2], 16)];
      if (m[3].startsWith("[")) {
        const list = [...m[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => hexText(x[1]));
        for (let c = lo; c <= hi && c - lo < list.length; c++) map.set(c, list[c - lo]);
      } else {
        const start = hexText(m[3].slice(1, -1));
        const last = start.charCodeAt(start.length - 1);
        for (let c = lo; c <= hi && c - lo < 0x10000; c++) map.set(c, start.slice(0, -1) + String.fromCharCode(last + c - lo));
      }
    }
  return map;
}

const num = (doc: PDFDocument, o: unknown) => {
  const v = doc.context.lookup(o as never);
  return v instanceof PDFNumber ? v.asNumber() : 0;
};

function widthsOf(doc: PDFDocument, dict: PDFDict, type0: boolean): (code: number) => number {
  const table = new Map<number, number>();
  if (type0) {
    const descendant = dict.lookupMaybe(n("DescendantFonts"), PDFArray)?.lookupMaybe(0, PDFDict);
    const dw = descendant?.lookupMaybe(n("DW"), PDFNumber)?.asNumber() ?? 1000;
    const items = descendant?.lookupMaybe(n("W"), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < items.length; ) {
      const first = num(doc, items[i]);
      const second = doc.context.lookup(items[i + 1]);
      if (second instanceof PDFArray) {
        second.asArray().forEach((o, k) => {
          table.set(first + k, num(doc, o));
        });
        i += 2;
      } else {
        const last = num(doc, second);
        const w = num(doc, items[i + 2]);
        for (let c = first; c <= last && c - first < 0x10000; c++) table.set(c, w);
        i += 3;
      }
    }
    return (code) => table.get(code) ?? dw;
  }
  const firstChar = dict.lookupMaybe(n("FirstChar"), PDFNumber)?.asNumber() ?? 0;
  (dict.lookupMaybe(n("Widths"), PDFArray)?.asArray() ?? []).forEach((o, k) => {
    table.set(firstChar + k, num(doc, o));
  });
  return (code) => table.get(code) ?? 0;
}

export function fontsOf(doc: PDFDocument, resources: PDFDict | undefined, cache: Map<PDFDict, ReadFont>): Map<string, ReadFont> {
  const out = new Map<string, ReadFont>();
  for (const [key, ref] of resources?.lookupMaybe(n("Font"), PDFDict)?.entries() ?? []) {
    const dict = doc.context.lookupMaybe(ref, PDFDict);
    if (!dict) continue;
    let font = cache.get(dict);
    if (!font) {
      const cmap = dict.lookupMaybe(n("ToUnicode"), PDFStream);
      const type0 = dict.get(n("Subtype"))?.toString() === "/Type0";
      font = {
        bytes: type0 ? 2 : 1,
        name: dict.get(n("BaseFont"))?.toString() ?? key.asString(),
        map: cmap ? parseToUnicode(streamText(cmap)) : new Map(),
        width: widthsOf(doc, dict, type0),
      };
      cache.set(dict, font);
    }
    out.set(key.asString().slice(1), font);
  }
  return out;
}
