// The editorial's columns keep an even texture: no line whose word spaces are
// opened far beyond a normal space. Justified, in columns of about 45
// characters where names and words printed whole cannot break, Chromium's
// justification opened 15 to 34 such lines per editorial (up to 13 pt between
// words); the columns are set ragged right (assets/styles/edition.css).
// Read from the PDF as poppler sees it: word boxes, line by line.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { built, EDITIONS } from "../support/built-editions.js";

/** A normal word space in the 9.5 pt body face is about 2.4 pt: twice that is a loose line. */
const LOOSE_PT = 4.5;

/** The pages of the editorial: from its heading to its last sub-heading's, or up to the next section. */
function editorialPages(pageNumbers: Record<string, number>): [number, number] {
  const entries = Object.entries(pageNumbers);
  const own = entries.filter(([anchor]) => anchor.startsWith("editorial")).map(([, page]) => page);
  const first = Math.min(...own);
  const next = Math.min(...entries.filter(([anchor, page]) => !anchor.startsWith("editorial") && page > first).map(([, page]) => page));
  return [first, Math.max(...own, next - 1)];
}

function looseLines(pdf: string, [first, last]: [number, number]) {
  const xml = execFileSync("pdftotext", ["-bbox-layout", "-f", String(first), "-l", String(last), pdf, "-"], { encoding: "utf8" });
  const lines = [...xml.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)].map((m) =>
    [...m[1].matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]),
      x1: Number(w[2]),
      text: w[3],
    })),
  );
  const measured = lines.filter((words) => words.length >= 3);
  const loose = measured.filter((words) => {
    const gaps = words.slice(1).map((w, i) => w.x0 - words[i].x1);
    return gaps.reduce((a, b) => a + b, 0) / gaps.length > LOOSE_PT;
  });
  return { measured: measured.length, loose: loose.map((words) => words.map((w) => w.text).join(" ")) };
}

describe.each(EDITIONS)("the editorial of $id ($language)", ({ id, language }) => {
  it("has no line with word spaces opened over twice a normal space", () => {
    const b = built(id, language);
    const { measured, loose } = looseLines(b.pdf, editorialPages(b.report.pageNumbers));
    expect(measured).toBeGreaterThan(40);
    expect(loose).toEqual([]);
  });
});
