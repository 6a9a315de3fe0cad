// Typesetting and preflight judge a page's fill by one function: given the
// same pages, preflight reports as nearly empty exactly the pages the
// typesetting sees under its threshold.
import { describe, expect, it } from "vitest";
import { checkNearEmptyPages } from "../../src/preflight/pdf-pages.js";
import { NEAR_EMPTY, pageFill } from "../../src/readback/page-fill.js";
import type { PageLines } from "../../src/readback/print-lines.js";
import { MIN_FILL } from "../../src/typeset/balance.js";

const area = { top: 62.25, bottom: 57 };
const line = (page: number, y: number) => ({ page, x0: 50, x1: 300, y, size: 10, text: "x", hyphenated: false });
// A4 pages whose text stops at different heights: 10 %, a hair under and over a third, 90 %.
const height = 841.89 - area.top - area.bottom;
const stopAt = (share: number) => 841.89 - area.top - share * height + 2.5;
const pages: PageLines[] = [0.1, NEAR_EMPTY - 0.001, NEAR_EMPTY + 0.001, 0.9].map((s, i) => ({
  page: i + 1,
  top: 841.89,
  lines: [line(i + 1, 770), line(i + 1, stopAt(s))],
}));

describe("page fill", () => {
  it("is one function and one threshold for typesetting and preflight", () => {
    expect(MIN_FILL).toBe(NEAR_EMPTY);
    const fill = pageFill(pages, area);
    expect(fill.map((f) => Math.round(f * 1000) / 1000)).toEqual([0.1, 0.332, 0.334, 0.9]);
    const reported = checkNearEmptyPages(pages, [0, 0, 0, 0], area, new Set()).map((f) => f.page);
    expect(reported).toEqual(fill.flatMap((f, i) => (f < MIN_FILL ? [i + 1] : [])));
    expect(reported).toEqual([1, 2]);
  });
});
