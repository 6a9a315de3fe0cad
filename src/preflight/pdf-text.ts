// The text of each page of the finished PDF, with the height at which each
// run of it sits, read with pdf-lib from the content streams and each font's
// ToUnicode map. Enough for what preflight asks (is a title on this page, how
// far down does the text reach), and much quicker than a full PDF renderer.
import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFStream } from "pdf-lib";

export interface TextRun {
  str: string;
  /** Baseline origin and font size, in PDF user space (points, y up). */
  x: number;
  y: number;
  height: number;
}

export interface PageText {
  /** The runs joined with spaces, soft hyphens removed. */
  text: string;
  runs: TextRun[];
  /** Images painted on the page (a page of pictures is not empty). */
  images: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const n = (name: string) => PDFName.of(name);

function multiply(m: Matrix, by: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = by;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

function bytesOf(stream: PDFStream): string {
  const data = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(data).toString("latin1");
}

const hexText = (hex: string) => {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return s;
};

interface Font {
  bytes: 1 | 2;
  map: Map<number, string>;
}

function parseToUnicode(cmap: string): Map<number, string> {
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

function fontsOf(doc: PDFDocument, resources: PDFDict | undefined, cache: Map<PDFDict, Font>): Map<string, Font> {
  const out = new Map<string, Font>();
  for (const [key, ref] of resources?.lookupMaybe(n("Font"), PDFDict)?.entries() ?? []) {
    const dict = doc.context.lookupMaybe(ref, PDFDict);
    if (!dict) continue;
    let font = cache.get(dict);
    if (!font) {
      const cmap = dict.lookupMaybe(n("ToUnicode"), PDFStream);
      font = { bytes: dict.get(n("Subtype"))?.toString() === "/Type0" ? 2 : 1, map: cmap ? parseToUnicode(bytesOf(cmap)) : new Map() };
      cache.set(dict, font);
    }
    out.set(key.asString().slice(1), font);
  }
  return out;
}

function decode(raw: string, font: Font | undefined): string {
  const step = font?.bytes ?? 1;
  let s = "";
  for (let i = 0; i + step <= raw.length; i += step) {
    const code = step === 2 ? raw.charCodeAt(i) * 256 + raw.charCodeAt(i + 1) : raw.charCodeAt(i);
    s += font?.map.get(code) ?? (step === 1 ? String.fromCharCode(code) : "");
  }
  return s;
}

function literal(body: string): string {
  return body.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, e: string) => {
    if (/^[0-7]/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
    return (
      ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[e] ?? (e.startsWith("\n") || e.startsWith("\r") ? "" : e)
    );
  });
}

// Numbers, names, hex and literal strings, array brackets, operators.
const TOKEN =
  /\s*(?:([+-]?(?:\d+\.?\d*|\.\d+))|\/([^\s()<>[\]{}/%]*)|<<|>>|<([0-9A-Fa-f\s]*)>|\(((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*)\)|(\[)|(\])|([^\s()<>[\]{}/%]+)|%[^\r\n]*)/y;

interface Shown {
  text: string;
}
type Operand = number | string | Shown | { list: (number | Shown)[] };

interface State {
  ctm: Matrix;
  font?: Font;
  size: number;
  leading: number;
}

function walk(
  doc: PDFDocument,
  content: string,
  resources: PDFDict | undefined,
  ctm: Matrix,
  out: PageText,
  cache: Map<PDFDict, Font>,
  depth: number,
): void {
  const fonts = fontsOf(doc, resources, cache);
  const xobjects = resources?.lookupMaybe(n("XObject"), PDFDict);
  const stack: State[] = [];
  let gs: State = { ctm, size: 0, leading: 0 };
  let tm: Matrix = IDENTITY;
  let line: Matrix = IDENTITY;
  let operands: Operand[] = [];
  let array: (number | Shown)[] | null = null;
  const show = (raw: string) => {
    const str = decode(raw, gs.font);
    if (!str.trim()) return;
    const [, , , , x, y] = multiply(multiply([gs.size, 0, 0, gs.size, 0, 0], tm), gs.ctm);
    out.runs.push({ str, x, y, height: Math.abs(gs.size * (tm[3] || 1) * (gs.ctm[3] || 1)) });
  };
  const moveLine = (tx: number, ty: number) => {
    line = multiply([1, 0, 0, 1, tx, ty], line);
    tm = line;
  };
  // A sticky regex keeps its position: each walk needs its own, or a Form
  // XObject's walk sends its caller back to an earlier offset, an endless loop.
  const token = new RegExp(TOKEN);
  for (let m = token.exec(content); m && m[0].length; m = token.exec(content)) {
    if (m[1] !== undefined) (array ?? operands).push(Number(m[1]));
    else if (m[2] !== undefined) operands.push(m[2]);
    else if (m[3] !== undefined) (array ?? operands).push({ text: hexBytes(m[3]) });
    else if (m[4] !== undefined) (array ?? operands).push({ text: literal(m[4]) });
    else if (m[5]) array = [];
    else if (m[6]) {
      operands.push({ list: array ?? [] });
      array = null;
    } else if (m[7]) {
      const op = m[7];
      const nums = operands.filter((o): o is number => typeof o === "number");
      switch (op) {
        case "q":
          stack.push({ ...gs });
          break;
        case "Q":
          gs = stack.pop() ?? gs;
          break;
        case "cm":
          if (nums.length === 6) gs.ctm = multiply(nums as Matrix, gs.ctm);
          break;
        case "BT":
          tm = line = IDENTITY;
          break;
        case "Tf":
          gs.font = fonts.get(String(operands.find((o) => typeof o === "string")));
          gs.size = nums[0] ?? gs.size;
          break;
        case "TL":
          gs.leading = nums[0] ?? 0;
          break;
        case "Tm":
          if (nums.length === 6) tm = line = nums as Matrix;
          break;
        case "Td":
          moveLine(nums[0] ?? 0, nums[1] ?? 0);
          break;
        case "TD":
          gs.leading = -(nums[1] ?? 0);
          moveLine(nums[0] ?? 0, nums[1] ?? 0);
          break;
        case "T*":
          moveLine(0, -gs.leading);
          break;
        case "'":
        case '"':
          moveLine(0, -gs.leading);
          for (const o of operands) if (typeof o === "object" && "text" in o) show(o.text);
          break;
        case "Tj":
          for (const o of operands) if (typeof o === "object" && "text" in o) show(o.text);
          break;
        case "TJ":
          for (const o of operands)
            if (typeof o === "object" && "list" in o) show(o.list.map((part) => (typeof part === "object" ? part.text : "")).join(""));
          break;
        case "Do": {
          const name = operands.find((o) => typeof o === "string");
          const x = name ? xobjects?.lookupMaybe(n(String(name)), PDFStream) : undefined;
          const subtype = x?.dict.get(n("Subtype"))?.toString();
          if (subtype === "/Image") out.images++;
          else if (subtype === "/Form" && x && depth < 8) {
            const matrix = x.dict
              .lookupMaybe(n("Matrix"), PDFArray)
              ?.asArray()
              .map((v) => Number(v.toString())) as Matrix | undefined;
            walk(
              doc,
              bytesOf(x),
              x.dict.lookupMaybe(n("Resources"), PDFDict) ?? resources,
              multiply(matrix ?? IDENTITY, gs.ctm),
              out,
              cache,
              depth + 1,
            );
          }
          break;
        }
        case "BI":
          return; // inline image data: Chromium never writes them; stop rather than misread
      }
      operands = [];
    }
  }
}

function hexBytes(hex: string): string {
  const h = hex.replace(/\s+/g, "");
  let s = "";
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(Number.parseInt(h.slice(i, i + 2).padEnd(2, "0"), 16));
  return s;
}

export function readPageTexts(doc: PDFDocument): PageText[] {
  const cache = new Map<PDFDict, Font>();
  return doc.getPages().map((page) => {
    const out: PageText = { text: "", runs: [], images: 0 };
    const contents = doc.context.lookup(page.node.get(n("Contents")));
    const streams =
      contents instanceof PDFArray
        ? contents.asArray().map((r) => doc.context.lookup(r, PDFStream))
        : contents instanceof PDFStream
          ? [contents]
          : [];
    // One walk over the concatenated streams: the graphics state carries across them.
    walk(doc, streams.map(bytesOf).join("\n"), page.node.Resources(), IDENTITY, out, cache, 0);
    out.text = out.runs.map((r) => r.str.replace(/\u00ad/g, "")).join(" ");
    return out;
  });
}

/**
 * Text folded for comparison: case, soft hyphens, hyphens and white space
 * ignored; the apostrophe read as one character (a font maps its ’ glyph to
 * U+2019 or U+02BC in the PDF, whichever it lists first).
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u0027\u2019\u02bc]/g, "\u2019")
    .normalize("NFC")
    .replace(/[\s\u0000\u00ad\u2010\u2011-]+/g, "");
}
