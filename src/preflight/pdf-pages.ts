// Pages left nearly empty by a break: a page that only continues what the
// previous one began (no section starts on it) and whose text stops high in
// the page area. Read from the finished PDF; running heads and folios, in the
// margins, do not count. A short section on its own page is not a fault.
import { PDFArray, type PDFDocument, PDFName, type PDFNumber } from "pdf-lib";
import type { PageText } from "./pdf-text.js";
import type { Finding } from "./rules.js";

/** Below this share of the page area's height (a third), a page is reported as nearly empty. */
export const NEAR_EMPTY = 1 / 3;

export interface PageArea {
  /** Margins of the default page, in points, measured from the trim. */
  top: number;
  bottom: number;
}

function trimOf(doc: PDFDocument, index: number): number[] {
  const page = doc.getPage(index);
  const box = page.node.lookupMaybe(PDFName.of("TrimBox"), PDFArray) ?? page.node.MediaBox();
  return box.asArray().map((n) => (n as PDFNumber).asNumber());
}

/** `skip`: pages that start a section, and full-page designs (covers). */
export function checkNearEmptyPages(doc: PDFDocument, texts: PageText[], area: PageArea, skip: ReadonlySet<number>): Finding[] {
  const findings: Finding[] = [];
  texts.forEach((page, i) => {
    const n = i + 1;
    if (skip.has(n) || page.images > 0) return;
    const [, y0, , y1] = trimOf(doc, i);
    const top = y1 - area.top;
    const bottom = y0 + area.bottom;
    const inside = page.runs.filter((r) => r.y < top && r.y > bottom);
    const lowest = Math.min(top, ...inside.map((r) => r.y - r.height * 0.25));
    const share = (top - lowest) / (top - bottom);
    if (share >= NEAR_EMPTY) return;
    const lines = new Set(inside.map((r) => Math.round(r.y))).size;
    findings.push({
      rule: "near-empty-page",
      severity: "warning",
      page: n,
      element: `page ${n}`,
      message: inside.length
        ? `holds only ${lines} line${lines === 1 ? "" : "s"} continued from page ${n - 1} (${Math.round(share * 100)} % of the page area): the break before it left it nearly empty`
        : "is empty",
    });
  });
  return findings;
}
