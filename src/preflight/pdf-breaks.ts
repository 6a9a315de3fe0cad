// Line breaks a typographer circles, read from the printed lines: a date
// split between its day, month and year, a compound proper name broken at
// its own hyphen (Île-/de-France), an address broken after one of its own
// hyphens (for-french-/customers, which a reader takes for a hyphenated
// word). The rendering prevents all three (no-break spaces in dates:
// render/typography-rules.ts; names and addresses set whole or broken at
// their allowed points: render/compound-names.ts); these rules catch what
// slips past it, such as a date split by markup inside it.
import { below, columnOf, continuation } from "../readback/line-order.js";
import { lineBox, type PageLines } from "../readback/print-lines.js";
import type { Finding } from "./rules.js";

// The months as render/typography-rules.ts binds them (the two stages never
// import each other): French in either case, English capitalised ("the 3 may
// apply" is no date).
const FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
  .split("|")
  .map((m) => `[${m[0]}${m[0].toUpperCase()}]${m.slice(1)}`);
const EN = "January|February|March|April|May|June|July|August|September|October|November|December".split("|");
const MONTHS = [...FR, ...EN].join("|");
const DATE = new RegExp(
  `(?<![\\p{L}\\d])(?:\\d{1,2}(?:er)?\\s+(?:${MONTHS})(?:\\s+\\d{4})?|(?:${EN.join("|")})\\s+\\d{1,2},?\\s+\\d{4}|(?:${MONTHS})\\s+\\d{4})(?![\\p{L}\\d])`,
  "gu",
);
// Capitalised parts joined by hyphens, with a capital after one of them.
const NAME = /^\p{Lu}[\p{L}’']*(?:-\p{L}[\p{L}’']*)*-\p{Lu}[\p{L}’']*(?:-\p{L}[\p{L}’']*)*$/u;
const ADDRESS_PART = /[/:.?=&_@]|^https?|^www/;

const lastToken = (text: string) => /\S+$/.exec(text.trimEnd())?.[0] ?? "";
const firstToken = (text: string) => /^\S+/.exec(text.trimStart())?.[0] ?? "";
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

export function checkLineBreaks(pages: PageLines[]): Finding[] {
  const findings: Finding[] = [];
  for (const { page, lines } of pages)
    for (const line of lines) {
      const next = below(lines, line) ?? continuation(pages, line);
      if (!next) continue;
      const where = () => {
        const { column, row } = columnOf(lines, line);
        return `column ${column}, line ${row}`;
      };
      const add = (rule: Finding["rule"], message: string) =>
        findings.push({ rule, severity: "warning", page, element: where(), message, box: lineBox(line) });
      const head = line.text.trimEnd();
      const tail = next.text.trimStart();
      // A date across the break: the joined text holds a date that starts
      // before the break and ends after it.
      const joined = `${head}${line.hyphenated ? "" : " "}${tail}`;
      for (const m of joined.matchAll(DATE)) {
        const at = m.index ?? 0;
        // A line that holds nothing but the date's start is a label (a chart's value over its axis), not running text.
        if (at > 0 && at < head.length && at + m[0].length > head.length + 1) add("split-date", `«${m[0]}» is split across a line break`);
      }
      if (line.hyphenated || !head.endsWith("-")) continue;
      const end = lastToken(head);
      const start = firstToken(tail);
      const above = lines.find((l) => l !== line && below(lines, l) === line);
      const inAddress = ADDRESS_PART.test(end) || (!/\s/.test(head.trim()) && !!above && ADDRESS_PART.test(lastToken(above.text)));
      if (inAddress)
        add("url-hyphen-break", `«${end}|${start}»: the address is broken after its own hyphen, which reads as a hyphenated word`);
      else if (NAME.test(`${bare(end)}-${bare(start)}`))
        add("name-hyphen-break", `«${end}|${start}»: the name «${bare(end)}-${bare(start)}» is broken at its own hyphen`);
    }
  return findings;
}
