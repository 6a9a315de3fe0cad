// Limits that keep a mistaken or hostile manifest from hanging the build or
// crashing the reader: the file's size, its nesting depth, the length of a
// value and of a word. Each is reported at its place, like any other problem.
// The real manifests are about 30 KB, nest 8 levels deep, and their longest
// value is about 1,100 characters, their longest word a 130-character address.
import { type Document, isScalar, visit } from "yaml";
import { describeChar, firstUnprintable } from "./printable.js";

export const LIMITS = {
  /** Bytes of a manifest. */
  fileBytes: 512 * 1024,
  /** Mappings and lists inside one another. */
  depth: 32,
  /** Characters of one value. */
  valueChars: 10_000,
  /** Characters of one word (no space in it) in a text; web addresses alone in a value may be longer. */
  wordChars: 200,
};

export interface LimitProblem {
  offset: number;
  message: string;
}

/** Size and depth, read from the text before the YAML reader recurses into it. */
export function sourceLimits(source: string): LimitProblem | undefined {
  const bytes = Buffer.byteLength(source);
  if (bytes > LIMITS.fileBytes) {
    // Point at the first line past the limit.
    const offset = Buffer.from(source).subarray(0, LIMITS.fileBytes).toString("utf8").lastIndexOf("\n") + 1;
    return {
      offset,
      message: `expected a manifest of at most ${LIMITS.fileBytes / 1024} KB, got ${Math.ceil(bytes / 1024)} KB (is this the right file?)`,
    };
  }
  const depth = deepestPoint(source);
  if (depth) return { offset: depth, message: `expected at most ${LIMITS.depth} levels of nested mappings and lists, got more from here` };
  return undefined;
}

/**
 * Where the nesting first goes past the limit, or undefined. Block nesting is
 * counted by indentation (each deeper indent, each "- ", "? " or ": " that
 * opens a line opens a level: `? ? ? … y` is a key of a key of a key), flow
 * nesting by brackets outside quoted scalars. A quote opens a scalar only
 * where a scalar can start (after a space, "[", "{", "," or at the line's
 * start): the apostrophe of `[it's, [[[…` is a character of a plain scalar
 * and must not hide the brackets after it. Close enough to catch a runaway
 * file; never fewer levels than the YAML reader will recurse into.
 */
function deepestPoint(source: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let offset = 0;
  for (const line of source.split("\n")) {
    // [^]: a line may hold U+2028, U+2029 or the CR of a CRLF, which "." does not match.
    const body = /^( *)((?:[-?:][ \t]+)*)([\s\S]*)$/.exec(line) as RegExpExecArray;
    const text = body[3];
    if (text.trim() && !text.trimStart().startsWith("#") && flow === 0) {
      const indent = body[1].length;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // "- - key:" or "? ? key" opens one level per indicator, each its own place.
      for (const m of body[2].matchAll(/[-?:]/g)) {
        indents.push(indent + 1 + m.index);
        if (indents.length + flow > LIMITS.depth) return offset + indent + m.index;
      }
    }
    let quote = "";
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
      else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,]/.test(line[i - 1]))) quote = c;
      else if (c === "[" || c === "{") {
        flow++;
        if (indents.length + flow > LIMITS.depth) return offset + i;
      } else if ((c === "]" || c === "}") && flow > 0) flow--;
    }
    if (indents.length + flow > LIMITS.depth) return offset + body[1].length;
    offset += line.length + 1;
  }
  return undefined;
}

const ADDRESS = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;

/**
 * Control characters (but tab and line breaks), U+FFFE, U+FFFF and lone
 * surrogates: nothing prints them, and XML cannot hold them at all, so the
 * PDF's XMP metadata would not be well-formed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|\p{Cs}/u;

/** Where `char` is in the scalar's source (its start when written as an escape). */
function placeOf(source: string, start: number, end: number, char: string): number {
  const at = source.slice(start, end).indexOf(char);
  return at < 0 ? start : start + at;
}

/** Long values and words, each at the start of its value; characters nothing can print, at the character. */
export function valueLimits(doc: Document, source = ""): LimitProblem[] {
  const problems: LimitProblem[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (!isScalar(node) || typeof node.value !== "string") return;
      const value = node.value;
      const offset = node.range?.[0] ?? 0;
      const end = node.range?.[1] ?? offset;
      const control = CONTROL.exec(value)?.[0];
      if (control) {
        problems.push({
          offset: placeOf(source, offset, end, control),
          message: `expected text without control characters, got ${describeChar(control)} (nothing prints it, and the PDF's metadata cannot hold it): remove it`,
        });
        return;
      }
      const odd = firstUnprintable(value);
      if (odd) {
        problems.push({
          offset: placeOf(source, offset, end, odd.char),
          message: `expected characters the edition's fonts can print, got ${describeChar(odd.char)}: it would print in a system font or as an empty box, which the build refuses`,
        });
        return;
      }
      if (value.length > LIMITS.valueChars) {
        problems.push({
          offset,
          message: `expected a value of at most ${LIMITS.valueChars.toLocaleString("en")} characters, got ${value.length.toLocaleString("en")}`,
        });
        return;
      }
      if (ADDRESS.test(value)) return;
      const word = value.split(/\s+/).find((w) => w.length > LIMITS.wordChars);
      if (word)
        problems.push({
          offset,
          message: `expected words of at most ${LIMITS.wordChars} characters (a line cannot break inside one), got one of ${word.length}: "${word.slice(0, 24)}…"`,
        });
    },
  });
  return problems;
}
