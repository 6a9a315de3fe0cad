// A small tokenizer for PDF content streams (ISO 32000-1, 7.2 and 7.8), enough
// to rewrite what Skia writes: numbers, names, strings, arrays, dictionaries,
// operators. Tokens keep their source text so unchanged ones round-trip exactly.

export type Token =
  | { kind: "number"; value: number; text: string }
  | { kind: "operator"; text: string }
  /** Names, strings, arrays and dictionaries: carried through as written. */
  | { kind: "operand"; text: string; hex?: string };

// Most of a Skia stream is numbers, operators, names and hex strings: one
// sticky regular expression takes those; strings, arrays and dictionaries
// (rare: marked-content properties) go through the balanced scanners below.
const SIMPLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is white space in a PDF content stream (ISO 32000-1, 7.2.2)
  /[\x00\t\n\f\r ]*(?:([+-]?(?:\d+\.?\d*|\.\d+))(?=[\x00\t\n\f\r ()<>[\]{}/%]|$)|(\/[^\x00\t\n\f\r ()<>[\]{}/%]*)|<([0-9A-Fa-f\s]*)>|([^\x00\t\n\f\r ()<>[\]{}/%]+)|(%[^\r\n]*))/y;

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    SIMPLE.lastIndex = i;
    const m = SIMPLE.exec(src);
    if (m && SIMPLE.lastIndex > i && (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) !== undefined) {
      i = SIMPLE.lastIndex;
      if (m[1] !== undefined) tokens.push({ kind: "number", value: Number(m[1]), text: m[1] });
      else if (m[2] !== undefined) tokens.push({ kind: "operand", text: m[2] });
      else if (m[3] !== undefined) tokens.push({ kind: "operand", text: `<${m[3]}>`, hex: m[3].replace(/\s+/g, "") });
      else if (m[4] !== undefined) {
        // Inline images hold binary data; Skia never writes them, so such a
        // stream is left exactly as it is rather than parsed.
        if (m[4] === "BI") throw new Error("inline image in content stream");
        tokens.push({ kind: "operator", text: m[4] });
      }
      continue;
    }
    // Skip the white space the expression may have stopped on.
    while (i < n && " \t\r\n\f\x00".includes(src[i])) i++;
    if (i >= n) break;
    const end = src[i] === "(" ? skipLiteral(src, i) : src[i] === "[" || src.startsWith("<<", i) ? skipBalanced(src, i) : -1;
    if (end < 0) throw new Error(`unexpected "${src[i]}" in content stream`);
    tokens.push({ kind: "operand", text: src.slice(i, end) });
    i = end;
  }
  return tokens;
}

function skipLiteral(src: string, start: number): number {
  let depth = 0;
  for (let j = start; j < src.length; j++) {
    const ch = src[j];
    if (ch === "\\") j++;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return j + 1;
  }
  throw new Error("unterminated string in content stream");
}

/** End of a balanced [ … ] or << … >>, which may hold strings. */
function skipBalanced(src: string, start: number): number {
  let depth = 0;
  let j = start;
  while (j < src.length) {
    const ch = src[j];
    if (ch === "(") {
      j = skipLiteral(src, j);
      continue;
    }
    if (ch === "<" && src[j + 1] !== "<") {
      j = src.indexOf(">", j) + 1;
      if (j === 0) break;
      continue;
    }
    if (ch === "[" || (ch === "<" && src[j + 1] === "<")) depth++;
    if (ch === "]" || (ch === ">" && src[j + 1] === ">")) depth--;
    j += (ch === "<" || ch === ">") && src[j + 1] === ch ? 2 : 1;
    if (depth === 0) return j;
  }
  throw new Error("unbalanced array or dictionary in content stream");
}

/** Writes numbers with at most `decimals` decimals and no trailing zeros. */
export function formatNumber(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  if (Object.is(rounded, -0) || rounded === 0) return "0";
  let text = String(rounded);
  if (text.startsWith("0.")) text = text.slice(1);
  else if (text.startsWith("-0.")) text = `-${text.slice(2)}`;
  return text;
}

export function serialize(tokens: Token[]): string {
  const lines: string[] = [];
  let line: string[] = [];
  for (const t of tokens) {
    line.push(t.text);
    if (t.kind === "operator") {
      lines.push(line.join(" "));
      line = [];
    }
  }
  if (line.length) lines.push(line.join(" "));
  return `${lines.join("\n")}\n`;
}
