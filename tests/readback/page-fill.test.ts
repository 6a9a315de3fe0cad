// Typesetting and preflight judge a page's fill by one function and one rule
// (src/readback/page-fill.ts): given the same pages, preflight reports as
// nearly empty, or half empty, exactly the pages the rule finds at fault.
import { describe, expect, it } from "vitest";
import { checkNearEmptyPages } from "../../src/preflight/pdf-pages.js";
import { fillFaults, HALF_EMPTY, NEAR_EMPTY, pageFill } from "../../src/readback/page-fill.js";
import type { PageLines } from "../../src/readback/print-lines.js";
import { MIN_FILL } from "../../src/typeset/balance.js";

const area = { top: 62.25, bottom: 57 };
const line = (page: number, y: number) => ({ page, x0: 50, x1: 300, y, size: 10, text: "x", hyphenated: false });
// A4 pages whose text stops at different heights.
const height = 841.89 - area.top - area.bottom;
const stopAt = (share: number) => 841.89 - area.top - share * height + 2.5;
const pagesOf = (shares: number[]): PageLines[] =>
  shares.map((s, i) => ({ page: i + 1, top: 841.89, lines: [line(i + 1, 770), line(i + 1, stopAt(s))] }));

describe("page fill", () => {
  it("is one function and one threshold for typesetting and preflight", () => {
    // 10 %, a hair under and over a third, 90 %.
    const pages = pagesOf([0.1, NEAR_EMPTY - 0.001, NEAR_EMPTY + 0.001, 0.9]);
    expect(MIN_FILL).toBe(NEAR_EMPTY);
    const fill = pageFill(pages, area);
    expect(fill.map((f) => Math.round(f * 1000) / 1000)).toEqual([0.1, 0.332, 0.334, 0.9]);
    const reported = checkNearEmptyPages(pages, [0, 0, 0, 0], area, new Set(), new Set())
      .filter((f) => f.rule === "near-empty-page")
      .map((f) => f.page);
    expect(reported).toEqual(fill.flatMap((f, i) => (f < MIN_FILL ? [i + 1] : [])));
    expect(reported).toEqual([1, 2]);
  });

  it("asks half a page of a page whose section does not end there before a page that opens one", () => {
    // Cover, then pages at 45 %, 45 % (before a page-start section, p. 4), 40 % (it opens a section and
    // another begins on p. 5), 49.9 %, 50.1 %, 95 % and the back cover.
    const shares = [0.9, 0.45, 0.45, 0.4, HALF_EMPTY - 0.001, HALF_EMPTY + 0.001, 0.95, 0.9];
    const pages = pagesOf(shares);
    const own = new Set([1, 4, 5, 8]);
    const covers = new Set([1, 8]);
    const faults = fillFaults(pageFill(pages, area), own, covers);
    expect(faults).toEqual([undefined, "half-empty", undefined, undefined, "half-empty", undefined, undefined, undefined]);
    const found = checkNearEmptyPages(
      pages,
      shares.map(() => 0),
      area,
      own,
      covers,
    );
    expect(found.map((f) => [f.page, f.rule])).toEqual([
      [2, "half-empty-page"],
      [5, "half-empty-page"],
    ]);
    // The covers by default: the first and last pages a section or design owns.
    expect(
      checkNearEmptyPages(
        pages,
        shares.map(() => 0),
        area,
        own,
      ),
    ).toEqual(found);
    // Under a third on a page no section opens: nearly empty, whatever follows.
    expect(fillFaults([0.9, 0.2, 0.9, 0.9], new Set([1, 3, 4]), new Set([1, 4]))).toEqual([undefined, "near-empty", undefined, undefined]);
  });
});
