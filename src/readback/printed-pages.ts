// On which page an element printed: Chromium writes a named destination
// (catalog /Dests) for every id a link in the document targets, so the print
// itself says where each heading (the contents page links to them all) and
// each probed element landed. One reading for the contents numbers, the
// typesetting's table rows and the preflight's findings.
import { PDFDocument, PDFNumber } from "pdf-lib";
import { loadPdf } from "../runtime/load-pdf.js";
import { namedDestinations } from "./destinations.js";

/** Page (1-based) of every named destination of a print. */
export async function printedPages(pdf: Uint8Array | PDFDocument): Promise<Map<string, number>> {
  return new Map([...(await printedDestinations(pdf))].map(([name, d]) => [name, d.page]));
}

export interface PrintedPlace {
  /** 1-based page. */
  page: number;
  /** The destination's left and top, in the page's user space (points, y up), when it gives them (/XYZ). */
  left?: number;
  top?: number;
}

/** Page and position of every named destination of a print. */
export async function printedDestinations(pdf: Uint8Array | PDFDocument): Promise<Map<string, PrintedPlace>> {
  const doc = pdf instanceof PDFDocument ? pdf : await loadPdf(pdf);
  const out = new Map<string, PrintedPlace>();
  for (const [name, d] of namedDestinations(doc)) {
    const place: PrintedPlace = { page: d.pageIndex + 1 };
    const kind = d.array.get(1)?.toString();
    const [left, top] = [d.array.get(2), d.array.get(3)];
    if (kind === "/XYZ" && left instanceof PDFNumber && top instanceof PDFNumber) {
      place.left = left.asNumber();
      place.top = top.asNumber();
    }
    out.set(name, place);
  }
  return out;
}
