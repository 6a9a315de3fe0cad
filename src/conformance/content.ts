// A content stream read as operators with their operands, for the rules that
// look at what a stream does (operators, colour spaces, text shown, nesting).
// Strings are kept as their bytes (one char per byte), names without the slash.

export type Operand = number | { name: string } | { bytes: string } | Operand[] | { dict: string };

export interface Op {
  op: string;
  operands: Operand[];
  /** For BI: the inline image's dictionary, keys without slashes ("F", "CS"). */
  inline?: Record<string, Operand>;
}

const TOKEN =
  /\s*(?:([+-]?(?:\d+\.?\d*|\.\d+))|\/([^\s()<>[\]{}/%]*)|(<<)|<([0-9A-Fa-f\s]*)>|(\()|(\[)|(\])|(>>)|([^\s()<>[\]{}/%]+)|(%[^\r\n]*))/y;

function literalAt(text: string, start: number): { bytes: string; end: number } {
  let depth = 1;
  let out = "";
  let i = start;
  while (i < text.length && depth > 0) {
    const c = text[i];
    if (c === "\\") {
      const e = text[i + 1] ?? "";
      const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4))?.[0];
      if (oct) {
        out += String.fromCharCode(Number.parseInt(oct, 8) & 255);
        i += 1 + oct.length;
        continue;
      }
      const map: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
      if (e === "\r" || e === "\n") i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
      else {
        out += map[e] ?? e;
        i += 2;
      }
      continue;
    }
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (depth > 0) out += c;
    i++;
  }
  return { bytes: out, end: i };
}

const hexBytes = (h: string) => {
  const s = h.replace(/\s+/g, "");
  let out = "";
  for (let i = 0; i < s.length; i += 2) out += String.fromCharCode(Number.parseInt(s.slice(i, i + 2).padEnd(2, "0"), 16));
  return out;
};

/** The operators of a content stream (latin1 text of its decoded bytes), in order. */
export function* readOps(text: string): Generator<Op> {
  const stack: Operand[][] = [[]];
  const top = () => stack[stack.length - 1] as Operand[];
  let pos = 0;
  while (pos < text.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (!m || m[0].length === 0) {
      pos++;
      continue;
    }
    pos = TOKEN.lastIndex;
    const [, num, name, dictOpen, hex, paren, open, close, , word] = m;
    if (num !== undefined) top().push(Number(num));
    else if (name !== undefined) top().push({ name });
    else if (dictOpen) {
      // Property lists inline (BDC /Span <<...>>): kept as text, read with regexes.
      let depth = 1;
      let i = pos;
      while (i < text.length && depth > 0) {
        if (text.startsWith("<<", i)) {
          depth++;
          i += 2;
        } else if (text.startsWith(">>", i)) {
          depth--;
          i += 2;
        } else i++;
      }
      top().push({ dict: text.slice(pos, i - 2) });
      pos = i;
    } else if (hex !== undefined) top().push({ bytes: hexBytes(hex) });
    else if (paren) {
      const { bytes, end } = literalAt(text, pos);
      top().push({ bytes });
      pos = end;
    } else if (open) stack.push([]);
    else if (close) {
      const arr = stack.length > 1 ? (stack.pop() as Operand[]) : [];
      top().push(arr);
    } else if (word !== undefined) {
      if (word === "true" || word === "false" || word === "null") {
        top().push({ name: word });
        continue;
      }
      if (word === "BI") {
        const idAt = text.slice(pos).search(/\sID[\s]/);
        const dictText = idAt < 0 ? "" : text.slice(pos, pos + idAt);
        const inline: Record<string, Operand> = {};
        const parts = [...readOps(`${dictText} X`)][0]?.operands ?? [];
        for (let i = 0; i + 1 < parts.length; i += 2) {
          const k = parts[i];
          if (k && typeof k === "object" && "name" in k) inline[k.name] = parts[i + 1] as Operand;
        }
        const dataAt = idAt < 0 ? text.length : pos + idAt + 4;
        const ei = /\sEI(?=[\s]|$)/g;
        ei.lastIndex = dataAt;
        const end = ei.exec(text);
        pos = end ? end.index + end[0].length : text.length;
        yield { op: "BI", operands: [], inline };
        stack.length = 1;
        stack[0] = [];
        continue;
      }
      yield { op: word, operands: top() };
      stack.length = 1;
      stack[0] = [];
    }
  }
}

export const opName = (o: Operand | undefined) => (o && typeof o === "object" && "name" in o ? o.name : undefined);
export const opBytes = (o: Operand | undefined) => (o && typeof o === "object" && "bytes" in o ? o.bytes : undefined);

/** Every operator of ISO 32000-1, Annex A. */
export const DEFINED_OPERATORS = new Set(
  (
    "b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S " +
    "SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y ' \""
  ).split(" "),
);
