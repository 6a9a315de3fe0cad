// The glyphs a page paints, read from its content streams with pdf-lib: for
// each shown code its text (ToUnicode), where it starts and how far it
// advances, in the order the stream paints them. Chromium's output is
// regular (one Tj per glyph after a Td, Type0 fonts with ToUnicode and /W),
// and the finishing's merged TJ runs read the same. Form XObjects are walked
// into, each at most once on the way down and a bounded number of times per
// page, so a form that calls itself (or a fan of them) can never loop.
import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFPage, PDFStream } from "pdf-lib";
import { fontsOf, type ReadFont, streamText } from "./pdf-fonts.js";

export type Matrix = [number, number, number, number, number, number];
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, by: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [A, B, C, D, E, F] = by;
  return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
}

export interface Glyph {
  /** Its text (ToUnicode; the code itself when the font maps it to nothing, as pdf.js reads it). */
  unicode: string;
  font: string;
  /** The Tf size; the glyph's origin on the page and its size there (points, y up). */
  fontSize: number;
  x: number;
  y: number;
  height: number;
  /** The origin once the glyph has advanced. */
  afterX: number;
  afterY: number;
  /** The advance in text space (width × size × horizontal scale). */
  advance: number;
  /** Horizontal scale from text space to the page: the CTM's times the line matrix's. */
  scale: number;
}

export interface PageContent {
  /** null where pdf.js ends a text item whatever follows: marked content begins or ends, a form is painted. */
  glyphs: (Glyph | null)[];
  /** Images painted on the page (a page of pictures is not empty). */
  images: number;
}

/** Forms entered per page at most: far above any real page, low enough that a fan of forms stays quick. */
const MAX_FORMS = 2000;
const MAX_DEPTH = 12;

// Numbers, names, hex and literal strings, array brackets, dictionaries, operators, comments.
const TOKEN =
  /\s*(?:([+-]?(?:\d+\.?\d*|\.\d+))|\/([^\s()<>[\]{}/%]*)|<<|>>|<([0-9A-Fa-f\s]*)>|\(((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*)\)|(\[)|(\])|([^\s()<>[\]{}/%]+)|%[^\r\n]*)/y;

function literal(body: string): string {
  return body.replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, e: string) => {
    if (/^[0-7]/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
    return (
      ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" } as Record<string, string>)[e] ?? (e.startsWith("\n") || e.startsWith("\r") ? "" : e)
    );
  });
}

function hexBytes(hex: string): string {
  const h = hex.replace(/\s+/g, "");
  let s = "";
  for (let i = 0; i < h.length; i += 2) s += String.fromCharCode(Number.parseInt(h.slice(i, i + 2).padEnd(2, "0"), 16));
  return s;
}

interface Shown {
  text: string;
}
type Operand = number | string | Shown | { list: (number | Shown)[] };

interface State {
  ctm: Matrix;
  font?: ReadFont;
  size: number;
  leading: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
}

interface Walk {
  doc: PDFDocument;
  out: PageContent;
  cache: Map<PDFDict, ReadFont>;
  active: Set<PDFStream>;
  forms: number;
}

const n = (name: string) => PDFName.of(name);

function walk(w: Walk, content: string, resources: PDFDict | undefined, ctm: Matrix, depth: number): void {
  const fonts = fontsOf(w.doc, resources, w.cache);
  const xobjects = resources?.lookupMaybe(n("XObject"), PDFDict);
  const stack: State[] = [];
  let gs: State = { ctm, size: 0, leading: 0, charSpacing: 0, wordSpacing: 0, hScale: 1 };
  let tm: Matrix = IDENTITY;
  let line: Matrix = IDENTITY;
  let operands: Operand[] = [];
  let array: (number | Shown)[] | null = null;
  const translate = (tx: number) => {
    tm = multiply([1, 0, 0, 1, tx, 0], tm);
  };
  // The text rendering matrix is tsm × Tm × CTM, multiplied in pdf.js's order
  // (its terms with a zero factor are exact zeros and left out): the same
  // positions to the last bit, so the same items and the same decisions.
  const show = (raw: string) => {
    const font = gs.font;
    const step = font?.bytes ?? 1;
    const [c0, c1, c2, c3, c4, c5] = gs.ctm;
    const scale = Math.hypot(c0, c1) * Math.hypot(line[0], line[1]);
    for (let i = 0; i + step <= raw.length; i += step) {
      const code = step === 2 ? raw.charCodeAt(i) * 256 + raw.charCodeAt(i + 1) : raw.charCodeAt(i);
      const [t0, t1, t2, t3, t4, t5] = tm;
      const x2 = gs.size * t2;
      const x3 = gs.size * t3;
      // As pdf.js computes it (font matrix 0.001 times the size), to the last bit.
      const advance = (font?.width(code) ?? 0) * (0.001 * gs.size) * gs.hScale;
      const a4 = t0 * advance + t4;
      const a5 = t1 * advance + t5;
      w.out.glyphs.push({
        unicode: font?.map.get(code) || String.fromCharCode(code),
        font: font?.name ?? "",
        fontSize: gs.size,
        x: c0 * t4 + c2 * t5 + c4,
        y: c1 * t4 + c3 * t5 + c5,
        height: Math.hypot(c0 * x2 + c2 * x3, c1 * x2 + c3 * x3),
        afterX: c0 * a4 + c2 * a5 + c4,
        afterY: c1 * a4 + c3 * a5 + c5,
        advance,
        scale,
      });
      const spacing = (gs.charSpacing + (step === 1 && code === 32 ? gs.wordSpacing : 0)) * gs.hScale;
      tm = [t0, t1, t2, t3, a4, a5];
      if (spacing) translate(spacing);
    }
  };
  const moveLine = (tx: number, ty: number) => {
    line = multiply([1, 0, 0, 1, tx, ty], line);
    tm = line;
  };
  const shownTexts = () => operands.filter((o): o is Shown => typeof o === "object" && "text" in o);
  const re = new RegExp(TOKEN.source, "y");
  for (let m = re.exec(content); m?.[0].length; m = re.exec(content)) {
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
        case "Tc":
          gs.charSpacing = nums[0] ?? 0;
          break;
        case "Tw":
          gs.wordSpacing = nums[0] ?? 0;
          break;
        case "Tz":
          gs.hScale = (nums[0] ?? 100) / 100;
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
        case '"':
          gs.wordSpacing = nums[0] ?? gs.wordSpacing;
          gs.charSpacing = nums[1] ?? gs.charSpacing;
          moveLine(0, -gs.leading);
          for (const o of shownTexts()) show(o.text);
          break;
        case "'":
          moveLine(0, -gs.leading);
          for (const o of shownTexts()) show(o.text);
          break;
        case "Tj":
          for (const o of shownTexts()) show(o.text);
          break;
        case "TJ":
          for (const o of operands)
            if (typeof o === "object" && "list" in o)
              for (const part of o.list)
                if (typeof part === "object") show(part.text);
                else translate((-part / 1000) * gs.size * gs.hScale);
          break;
        case "BMC":
        case "BDC":
        case "EMC":
          w.out.glyphs.push(null);
          break;
        case "Do": {
          w.out.glyphs.push(null);
          const name = operands.find((o) => typeof o === "string");
          const x = name ? xobjects?.lookupMaybe(n(String(name)), PDFStream) : undefined;
          const subtype = x?.dict.get(n("Subtype"))?.toString();
          if (subtype === "/Image") w.out.images++;
          else if (subtype === "/Form" && x && !w.active.has(x) && depth < MAX_DEPTH && w.forms < MAX_FORMS) {
            w.forms++;
            const matrix = x.dict
              .lookupMaybe(n("Matrix"), PDFArray)
              ?.asArray()
              .map((v) => Number(v.toString())) as Matrix | undefined;
            w.active.add(x);
            try {
              walk(
                w,
                streamText(x),
                x.dict.lookupMaybe(n("Resources"), PDFDict) ?? resources,
                multiply(matrix ?? IDENTITY, gs.ctm),
                depth + 1,
              );
            } finally {
              w.active.delete(x);
            }
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

/** A page's content streams: /Contents is one stream or an array of them. */
export function pageContentStreams(doc: PDFDocument, page: PDFPage): PDFStream[] {
  const contents = doc.context.lookup(page.node.get(n("Contents")));
  return contents instanceof PDFArray
    ? contents.asArray().map((r) => doc.context.lookup(r, PDFStream))
    : contents instanceof PDFStream
      ? [contents]
      : [];
}

/** The glyphs and images of every page, in paint order. */
export function readPageContents(doc: PDFDocument): PageContent[] {
  const cache = new Map<PDFDict, ReadFont>();
  return doc.getPages().map((page) => {
    const out: PageContent = { glyphs: [], images: 0 };
    const streams = pageContentStreams(doc, page);
    // One walk over the concatenated streams: the graphics state carries across them.
    walk({ doc, out, cache, active: new Set(), forms: 0 }, streams.map(streamText).join("\n"), page.node.Resources(), IDENTITY, 0);
    return out;
  });
}
