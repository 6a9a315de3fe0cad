// Pages left nearly empty by a break: a page that only continues what the
// previous one began (no section starts on it) and whose text stops high in
// the page area. Read from the finished PDF with the fill the typesetting
// balances pages by (src/readback/page-fill.ts); running heads and folios, in
// the margins, do not count. A short section on its own page is not a fault.
import { nearlyEmpty, pageFill } from "../readback/page-fill.js";
import type { PageLines, TextArea } from "../readback/print-lines.js";
import type { Finding } from "./rules.js";

export { NEAR_EMPTY } from "../readback/page-fill.js";
export type PageArea = TextArea;

/** `skip`: pages that start a section, and full-page designs (covers); `images`: images per page. */
export function checkNearEmptyPages(pages: PageLines[], images: number[], area: TextArea, skip: ReadonlySet<number>): Finding[] {
  const findings: Finding[] = [];
  const fill = pageFill(pages, area);
  pages.forEach(({ lines }, i) => {
    const n = i + 1;
    if (skip.has(n) || images[i] > 0 || !nearlyEmpty(fill[i])) return;
    const rows = new Set(lines.map((l) => Math.round(l.y))).size;
    findings.push({
      rule: "near-empty-page",
      severity: "warning",
      page: n,
      element: `page ${n}`,
      message: lines.length
        ? `holds only ${rows} line${rows === 1 ? "" : "s"} continued from page ${n - 1} (${Math.round(fill[i] * 100)} % of the page area): the break before it left it nearly empty`
        : "is empty",
    });
  });
  return findings;
}
