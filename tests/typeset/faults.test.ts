// The judges of the new preflight rules on small inputs: the text checks
// (straight quotes, French spacing) and the line checks (ladders, splits,
// fragments, broken names) on lines laid out by hand as pdf.js reads them.
import { describe, expect, it } from "vitest";
import type { Line, PageLines } from "../../src/readback/print-lines.js";
import { frenchSpacingFaults, straightQuoteFaults } from "../../src/readback/text-faults.js";
import { findLineFaults } from "../../src/typeset/line-faults.js";

describe("text faults", () => {
  it("finds straight apostrophes and quotes, not those of addresses", () => {
    expect(straightQuoteFaults('l\'ANSSI dit "non"').map((f) => f.what)).toEqual([
      "a straight apostrophe (')",
      'a straight quotation mark (")',
      'a straight quotation mark (")',
    ]);
    expect(straightQuoteFaults("https://example.org/it's l’ANSSI “oui”")).toEqual([]);
  });

  it("finds each missing or breaking French space, and nothing in correct text", () => {
    const faults = frenchSpacingFaults("Pourquoi? Ceci : cela « non » 24% 14:30").map((f) => f.what);
    expect(faults).toEqual([
      "no space before «?» (expected U+202F)",
      "a breaking space before «:» (expected U+00A0)",
      "no no-break space after «",
      "no no-break space before »",
      "«24%»: no no-break space between the number and %",
    ]);
    expect(frenchSpacingFaults("Pourquoi\u202f? Ceci\u00a0: «\u00a0oui\u00a0» 24\u00a0% 14:30 https://x.fr/a?b")).toEqual([]);
  });
});

// A column of justified lines 12 pt apart, 10 pt type, from x = 50 to 280.
const line = (page: number, row: number, text: string, hyphenated = false, x0 = 50, x1 = 280): Line => ({
  page,
  x0,
  x1,
  y: 700 - row * 12,
  size: 10,
  text,
  hyphenated,
});
const names = (w: string) => /^SecNumCloud$/.test(w);
const kinds = (pages: PageLines[]) => findLineFaults(pages, names).map((f) => `${f.kind} ${f.word}`);

describe("line faults", () => {
  it("finds a ladder of three hyphenated lines, and names the third line's word", () => {
    const lines = [
      line(1, 0, "the qualification is a long pro", true),
      line(1, 1, "cess that every applicant com", true),
      line(1, 2, "pletes under the eye of its evalu", true),
      line(1, 3, "ators, who report to the agency and the"),
      line(1, 4, "end.", false, 50, 80),
    ];
    expect(kinds([{ page: 1, top: 842, lines }])).toEqual(["hyphen-ladder evaluators"]);
  });

  it("accepts two hyphenated lines in a row", () => {
    const lines = [line(1, 0, "a pro", true), line(1, 1, "cess com", true), line(1, 2, "pletes the work and goes on to the end")];
    expect(kinds([{ page: 1, top: 842, lines }])).toEqual([]);
  });

  it("finds a word split across a column break and a paragraph ending on a fragment", () => {
    const col1 = [line(1, 0, "text that runs to the foot of the column and an environ", true)];
    const col2 = [line(1, 0, "ment that goes on at the top of the next one", false, 300, 530)];
    const frag = [line(1, 5, "the paragraph ends with a ser", true), line(1, 6, "vice.", false, 50, 75)];
    expect(kinds([{ page: 1, top: 842, lines: [...col1, ...col2, ...frag] }])).toEqual(["split-word environment", "word-fragment service"]);
  });

  it("finds a name broken at a line end, and a split over a page break", () => {
    const pages: PageLines[] = [
      { page: 1, top: 842, lines: [line(1, 0, "qualified by SecNum", true)] },
      { page: 2, top: 842, lines: [line(2, 0, "Cloud and its partners, as said before")] },
    ];
    expect(kinds(pages)).toEqual(["hyphenated-name SecNumCloud", "split-word SecNumCloud"]);
  });
});
