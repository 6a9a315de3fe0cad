// Limits that keep a mistaken or hostile manifest from hanging the build or
// crashing the reader: the file's size, its nesting depth, the length of a
// value and of a word. Each is reported at its place, like any other problem.
// The real manifests are about 30 KB, nest 8 levels deep, and their longest
// value is about 1,100 characters, their longest word a 130-character address.
import { type Document, isScalar, visit } from "yaml";

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
 * counted by indentation (each deeper indent or "- " opens a level), flow
 * nesting by brackets outside quotes: close enough to catch a runaway file.
 */
function deepestPoint(source: string): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let offset = 0;
  for (const line of source.split("\n")) {
    // [^]: a line may hold U+2028, U+2029 or the CR of a CRLF, which "." does not match.
    const body = /^( *)((?:- +)*)([\s\S]*)$/.exec(line) as RegExpExecArray;
    const text = body[3];
    if (text.trim() && !text.trimStart().startsWith("#") && flow === 0) {
      const indent = body[1].length;
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // "- - key:" opens one level per dash.
      for (let i = 0; i < body[2].replace(/ +/g, "").length; i++) indents.push(indent + 1 + i);
    }
    let quote = "";
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = "";
      } else if (c === "#" && (i === 0 || line[i - 1] === " ")) break;
      else if (c === '"' || c === "'") quote = c;
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

/** Long values and words, each at the start of its value. */
export function valueLimits(doc: Document): LimitProblem[] {
  const problems: LimitProblem[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (!isScalar(node) || typeof node.value !== "string") return;
      const value = node.value;
      const offset = node.range?.[0] ?? 0;
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
