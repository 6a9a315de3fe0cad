// Chromium shapes a soft hyphen (and any other default-ignorable character)
// as HarfBuzz does: the space glyph with no advance, which Skia marks with
// /Span <</ActualText <feff00ad>>> BDC … EMC. Readers then find U+00AD, or a
// space, inside every hyphenatable word: pdftotext and MuPDF split
// "intelligence" at each soft hyphen, search misses it, copy carries invisible characters.
// Here such spans lose their glyph (which draws nothing) and their marks,
// and keep their moves, so the page is unchanged and the word is whole.
// Ligatures that straddle a soft hyphen ("f\u00adf") keep their ActualText
// without it. A hyphen drawn at a line break is a glyph of its own and stays.
import type { Token } from "./content-tokens.js";

// biome-ignore lint/suspicious/noMisleadingCharacterClass: a class of single ignorable code points (u flag), none meant to combine
const IGNORABLE = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2060-\u2064\ufeff]/gu;
const SHOWS = new Set(["Tj", "TJ"]);

/** The ActualText of a marked-content property list, and where its string sits in the operand text. */
export function actualText(props: string): { value: string; start: number; end: number } | undefined {
  const hex = /\/ActualText\s*<([0-9A-Fa-f\s]*)>/.exec(props);
  if (!hex) return undefined;
  const digits = hex[1].replace(/\s+/g, "");
  const bytes = Buffer.from(digits, "hex");
  // Skia writes text strings as UTF-16BE with a byte order mark.
  const value = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString("utf16le") : bytes.toString("latin1");
  const start = hex.index + hex[0].indexOf("<");
  return { value, start, end: hex.index + hex[0].length };
}

function utf16Hex(text: string): string {
  return `feff${Buffer.from(text, "utf16le").swap16().toString("hex")}`;
}

const isTd = (tokens: Token[], i: number) =>
  tokens[i]?.kind === "number" && tokens[i + 1]?.kind === "number" && tokens[i + 2]?.text === "Td";

/** The font resource each token is shown with (the operand of the last Tf). */
function fontsAt(tokens: Token[]): string[] {
  const fonts: string[] = [];
  let font = "";
  tokens.forEach((t, i) => {
    if (t.text === "Tf") font = tokens[i - 2]?.text ?? "";
    fonts.push(font);
  });
  return fonts;
}

/** Glyphs that only ever stand for invisible characters, per font (the space glyph HarfBuzz puts there). */
function invisibleGlyphs(tokens: Token[], fonts: string[]): Map<string, Set<string>> {
  const glyphs = new Map<string, Set<string>>();
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text !== "BDC" || actualText(tokens[i - 1]?.text ?? "")?.value.replace(IGNORABLE, "") !== "") continue;
    for (let j = i + 1; j < tokens.length && tokens[j].text !== "EMC"; j++) {
      const hex = tokens[j].kind === "operand" ? (tokens[j] as { hex?: string }).hex : undefined;
      if (hex && tokens[j + 1]?.text === "Tj") glyphs.set(fonts[j], (glyphs.get(fonts[j]) ?? new Set()).add(hex.toUpperCase()));
    }
  }
  return glyphs;
}

/** Removes invisible-character spans; returns the tokens and how many glyphs went. */
export function dropInvisibleText(tokens: Token[]): { tokens: Token[]; removed: number } {
  const fonts = fontsAt(tokens);
  const invisible = invisibleGlyphs(tokens, fonts);
  const out: Token[] = [];
  let removed = 0;
  let mixedSpan = false; // inside a span whose ActualText lost its invisible characters
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const props = tokens[i - 1];
    if (t.text === "BDC" && props?.kind === "operand" && tokens[i - 2]?.kind === "operand") {
      const actual = actualText(props.text);
      const visible = actual?.value.replace(IGNORABLE, "");
      if (actual && visible === "") {
        const span = invisibleSpan(tokens, i + 1);
        if (span) {
          out.splice(out.length - 2, 2, ...span.moves); // the tag and its properties go, the moves stay
          removed++;
          i = span.end; // the EMC
          continue;
        }
      } else if (actual && visible !== undefined && visible !== actual.value) {
        // A ligature across a soft hyphen ("f\u00adf"): its ActualText without
        // it, and without the invisible glyph that stood for the hyphen.
        const text = `${props.text.slice(0, actual.start)}<${utf16Hex(visible)}>${props.text.slice(actual.end)}`;
        out[out.length - 1] = { kind: "operand", text };
        mixedSpan = true;
      }
    } else if (t.text === "EMC") mixedSpan = false;
    const hex = (t as { hex?: string }).hex;
    if (mixedSpan && hex && tokens[i + 1]?.text === "Tj" && invisible.get(fonts[i])?.has(hex.toUpperCase())) {
      removed++;
      i++;
      continue;
    }
    out.push(t);
  }
  return { tokens: foldMoves(out), removed };
}

/**
 * The moves inside the span (its glyphs are dropped) and the index of its
 * EMC; undefined if the span holds anything but moves and glyphs, which is
 * then left as Chromium wrote it.
 */
function invisibleSpan(tokens: Token[], from: number): { moves: Token[]; end: number } | undefined {
  const kept: Token[] = [];
  let operands: Token[] = [];
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.kind !== "operator") {
      operands.push(t);
      continue;
    }
    if (t.text === "EMC") return operands.length ? undefined : { moves: kept, end: j };
    if (t.text === "Td" || t.text === "TD" || t.text === "Tm") kept.push(...operands, t);
    else if (!SHOWS.has(t.text)) return undefined;
    operands = [];
  }
  return undefined;
}

/** "a 0 Td b 0 Td" is one move of a + b: fewer operators, and glyph runs that can merge again. */
function foldMoves(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isTd(tokens, i) && isTd(out, out.length - 3)) {
      const x = (out[out.length - 3] as { value: number }).value + (tokens[i] as { value: number }).value;
      const y = (out[out.length - 2] as { value: number }).value + (tokens[i + 1] as { value: number }).value;
      out.splice(out.length - 3, 2, num(x), num(y));
      i += 2;
      continue;
    }
    out.push(tokens[i]);
  }
  return out;
}

function num(value: number): Token {
  const rounded = Number(value.toFixed(6));
  return { kind: "number", value: rounded, text: String(rounded) };
}
