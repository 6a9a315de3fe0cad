// Chromium writes a named destination (catalog /Dests) for every id that a
// link in the document targets; the contents page links to every heading, so
// this map tells on which page each heading was printed.
import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFRef } from "pdf-lib";

export interface Destination {
  pageIndex: number;
  /** The destination array as Chromium wrote it ([page /XYZ x y z]). */
  array: PDFArray;
}

function decodeName(name: PDFName): string {
  // PDF names escape non-regular characters as #xx.
  return decodeURIComponent(
    name
      .asString()
      .slice(1)
      .replace(/#([0-9a-fA-F]{2})/g, "%$1"),
  );
}

export function namedDestinations(doc: PDFDocument): Map<string, Destination> {
  const result = new Map<string, Destination>();
  const pageIndex = new Map<string, number>(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  if (!dests) return result;
  for (const [key, value] of dests.entries()) {
    const array =
      doc.context.lookupMaybe(value, PDFArray) ?? doc.context.lookupMaybe(value, PDFDict)?.lookupMaybe(PDFName.of("D"), PDFArray);
    if (!array) continue;
    const ref = array.get(0) as PDFRef;
    const index = pageIndex.get(ref.toString());
    if (index !== undefined) result.set(decodeName(key), { pageIndex: index, array });
  }
  return result;
}
