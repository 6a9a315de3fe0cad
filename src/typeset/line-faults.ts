// Faults of hyphenation a typographer rejects, read from the printed lines:
// more than two hyphenated lines in a row (a ladder), a word broken across a
// column or page break, the end of a broken word alone on a paragraph's last
// line, and a name, acronym or identifier broken at all. Each fault names the
// word that caused it, so that the printing step can print it whole.
import { below, columnOf, continuation } from "../readback/line-order.js";
import type { Line, PageLines } from "../readback/print-lines.js";

export type LineFaultKind = "hyphen-ladder" | "split-word" | "word-fragment" | "hyphenated-name";

export interface LineFault {
  kind: LineFaultKind;
  page: number;
  /** Where on the page: "column 2, line 14". */
  where: string;
  /** The broken word, as printed whole ("environment"). */
  word: string;
  message: string;
}

/** Longest run of hyphenated lines allowed. */
export const MAX_LADDER = 2;

const firstWord = (text: string) => /^[^\s]+/.exec(text.trim())?.[0] ?? "";
const lastWord = (text: string) => /[^\s]+$/.exec(text.trim())?.[0] ?? "";
// The word without its punctuation, and without an elided article before an
// apostrophe (d’activité -> activité: the hyphenation sees the word alone).
// U+02BC counts: fonts often map their apostrophe glyph to it in the PDF.
const bare = (w: string) => w.replace(/^.*['’ʼ]/u, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

/** `isName`: a word that must never be broken (names, acronyms, identifiers). */
export function findLineFaults(pages: PageLines[], isName: (word: string) => boolean): LineFault[] {
  const faults: LineFault[] = [];
  for (const { page, lines } of pages) {
    const seen = new Set<Line>();
    for (const line of lines) {
      if (!line.hyphenated) continue;
      const where = () => {
        const { column, row } = columnOf(lines, line);
        return `column ${column}, line ${row}`;
      };
      const next = below(lines, line);
      const rest = next ?? continuation(pages, line);
      const head = lastWord(line.text);
      const tail = rest ? firstWord(rest.text) : "";
      const word = bare(head + tail);
      const shown = `«${bare(head)}-|${bare(tail)}»`;
      if (isName(word))
        faults.push({
          kind: "hyphenated-name",
          page,
          where: where(),
          word,
          message: `${shown}: the name «${word}» is broken at a line end`,
        });
      if (!next)
        faults.push({
          kind: "split-word",
          page,
          where: where(),
          word,
          message: `${shown}: «${word}» is broken across a ${rest && rest.page === page ? "column" : "page"} break`,
        });
      else if (!/\s/.test(next.text.trim()) && (!below(lines, next) || next.x1 < line.x1 - line.size * 4))
        // One word alone on the line after the break: the paragraph ends on a fragment.
        faults.push({
          kind: "word-fragment",
          page,
          where: where(),
          word,
          message: `${shown}: the paragraph's last line holds only «${next.text.trim()}», the end of «${word}»`,
        });
      // Ladders: count each run once, from its first line.
      if (seen.has(line)) continue;
      const run = [line];
      for (let l = next; l?.hyphenated; l = below(lines, l)) run.push(l);
      for (const l of run) seen.add(l);
      if (run.length > MAX_LADDER) {
        // Printing the third line's word whole breaks the run; the next pass sees what is left.
        const third = run[MAX_LADDER];
        const after = below(lines, third);
        const w = bare(lastWord(third.text) + (after ? firstWord(after.text) : ""));
        faults.push({
          kind: "hyphen-ladder",
          page,
          where: where(),
          word: w,
          message: `${run.length} hyphenated lines in a row (${run.map((l) => `${bare(lastWord(l.text))}-`).join(" ")})`,
        });
      }
    }
  }
  return faults;
}
