// A small tokenizer for PDF content streams (ISO 32000-1, 7.2 and 7.8), enough
// to rewrite what Skia writes: numbers, names, strings, arrays, dictionaries,
// operators. Tokens keep their source text so unchanged ones round-trip exactly.

export type Token =
  | { kind: "number"; value: number; text: string }
  | { kind: "operator"; text: string }
  /** Names, strings, arrays and dictionaries: carried through as written. */
  | { kind: "operand"; text: string; hex?: string };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));

export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = src.length;
  const isRegular = (c: number) => !WHITE.has(c) && !DELIM.has(c);

  // Scans a balanced [ ... ] or << ... >> (which may hold strings) and returns its end.
  const skipBalanced = (start: number): number => {
    let depth = 0;
    let j = start;
    while (j < n) {
      const ch = src[j];
      if (ch === "(") j = skipLiteral(j);
      else if (ch === "<" && src[j + 1] !== "<") j = src.indexOf(">", j) + 1;
      else {
        if (ch === "[" || (ch === "<" && src[j + 1] === "<")) depth++;
        if (ch === "]" || (ch === ">" && src[j + 1] === ">")) depth--;
        j += ch === "<" || ch === ">" ? (src[j + 1] === ch ? 2 : 1) : 1;
        if (depth === 0) return j;
      }
    }
    throw new Error("unbalanced array or dictionary in content stream");
  };
  const skipLiteral = (start: number): number => {
    let depth = 0;
    for (let j = start; j < n; j++) {
      const ch = src[j];
      if (ch === "\\") j++;
      else if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0) return j + 1;
    }
    throw new Error("unterminated string in content stream");
  };

  while (i < n) {
    const c = src.charCodeAt(i);
    if (WHITE.has(c)) {
      i++;
      continue;
    }
    const ch = src[i];
    if (ch === "%") {
      while (i < n && src[i] !== "\n" && src[i] !== "\r") i++;
      continue;
    }
    let end: number;
    if (ch === "(") {
      end = skipLiteral(i);
      tokens.push({ kind: "operand", text: src.slice(i, end) });
    } else if (ch === "<" && src[i + 1] !== "<") {
      end = src.indexOf(">", i) + 1;
      if (end === 0) throw new Error("unterminated hex string in content stream");
      const text = src.slice(i, end);
      tokens.push({ kind: "operand", text, hex: text.slice(1, -1).replace(/\s+/g, "") });
    } else if (ch === "[" || ch === "<") {
      end = skipBalanced(i);
      tokens.push({ kind: "operand", text: src.slice(i, end) });
    } else if (ch === "/") {
      end = i + 1;
      while (end < n && isRegular(src.charCodeAt(end))) end++;
      tokens.push({ kind: "operand", text: src.slice(i, end) });
    } else {
      end = i;
      while (end < n && isRegular(src.charCodeAt(end))) end++;
      if (end === i) throw new Error(`unexpected "${ch}" in content stream`);
      const text = src.slice(i, end);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) tokens.push({ kind: "number", value: Number(text), text });
      else {
        // Inline images hold binary data; Skia never writes them, so such a
        // stream is left exactly as it is rather than parsed.
        if (text === "BI") throw new Error("inline image in content stream");
        tokens.push({ kind: "operator", text });
      }
    }
    i = end;
  }
  return tokens;
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
