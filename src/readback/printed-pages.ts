// On which page an element printed: Chromium writes a named destination
// (catalog /Dests) for every id a link in the document targets, so the print
// itself says where each heading (the contents page links to them all) and
// each probed element landed. One reading for the contents numbers, the
// typesetting's table rows and the preflight's findings.
import { PDFDocument } from "pdf-lib";
import { namedDestinations } from "./destinations.js";

/** Page (1-based) of every named destination of a print. */
export async function printedPages(pdf: Uint8Array | PDFDocument): Promise<Map<string, number>> {
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false });
  return new Map([...namedDestinations(doc)].map(([name, d]) => [name, d.pageIndex + 1]));
}
