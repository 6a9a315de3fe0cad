// Pages left short by a break, read from the finished PDF with the fill and
// the rule the typesetting balances pages by (src/readback/page-fill.ts):
// - near-empty-page: under a third, on a page no section opens by design;
// - half-empty-page: under a half, in a section that does not end there
//   before a page that opens one (the page-start sections, the back cover).
// Running heads and folios, in the margins, do not count. A short section on
// its own page is not a fault.
import { fillFaults, pageFill } from "../readback/page-fill.js";
import type { PageLines, TextArea } from "../readback/print-lines.js";
import type { Finding } from "./rules.js";

export { HALF_EMPTY, NEAR_EMPTY } from "../readback/page-fill.js";
export type PageArea = TextArea;

/**
 * `own`: pages a section opens by design, and full-page designs (covers);
 * `designs`: the covers alone, never judged (by default the first and last
 * pages when they are in `own`: where covers print); `images`: images per page.
 */
export function checkNearEmptyPages(
  pages: PageLines[],
  images: number[],
  area: TextArea,
  own: ReadonlySet<number>,
  designs: ReadonlySet<number> = new Set([...own].filter((p) => p === 1 || p === pages.length)),
): Finding[] {
  const findings: Finding[] = [];
  const fill = pageFill(pages, area);
  const faults = fillFaults(fill, own, designs);
  pages.forEach(({ lines }, i) => {
    const n = i + 1;
    const fault = faults[i];
    if (!fault || images[i] > 0) return;
    const share = `${Math.round(fill[i] * 100)} % of the page area`;
    if (fault === "half-empty") {
      findings.push({
        rule: "half-empty-page",
        severity: "warning",
        page: n,
        element: `page ${n}`,
        message: `is only ${share} full, and page ${n + 1} does not open a section of its own: the break after it left half a page blank`,
      });
      return;
    }
    const rows = new Set(lines.map((l) => Math.round(l.y))).size;
    findings.push({
      rule: "near-empty-page",
      severity: "warning",
      page: n,
      element: `page ${n}`,
      message: lines.length
        ? `holds only ${rows} line${rows === 1 ? "" : "s"} continued from page ${n - 1} (${share}): the break before it left it nearly empty`
        : "is empty",
    });
  });
  return findings;
}
