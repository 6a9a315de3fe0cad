// Print profile: the printed sheet has no live links (PDF/X refuses
// annotations inside the BleedBox). The link annotations are taken off the
// pages and out of the tag structure; the Link elements and their text stay,
// so the structure still reads the same. Named destinations stay too: the
// bookmarks use them.
import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRef } from "pdf-lib";

function isLink(doc: PDFDocument, ref: PDFObject): boolean {
  return doc.context.lookupMaybe(ref, PDFDict)?.get(PDFName.of("Subtype"))?.toString() === "/Link";
}

/** Removes the OBJR entries that point at removed annotations, anywhere under `node`. */
function dropObjectRefs(doc: PDFDocument, node: PDFObject | undefined, removed: Set<string>, seen: Set<PDFObject>): void {
  const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
  if (!value || seen.has(value)) return;
  seen.add(value);
  if (value instanceof PDFArray) {
    for (let i = value.size() - 1; i >= 0; i--) {
      const item = doc.context.lookup(value.get(i));
      const target =
        item instanceof PDFDict && item.get(PDFName.of("Type"))?.toString() === "/OBJR" ? item.get(PDFName.of("Obj")) : undefined;
      if (target && removed.has(target.toString())) value.remove(i);
      else dropObjectRefs(doc, value.get(i), removed, seen);
    }
  } else if (value instanceof PDFDict) {
    const kids = value.get(PDFName.of("K"));
    const kid = doc.context.lookup(kids);
    if (kid instanceof PDFDict && kid.get(PDFName.of("Type"))?.toString() === "/OBJR") {
      const target = kid.get(PDFName.of("Obj"));
      if (target && removed.has(target.toString())) value.delete(PDFName.of("K"));
    } else dropObjectRefs(doc, kids, removed, seen);
  }
}

/** Returns the number of links removed. */
export function stripLinks(doc: PDFDocument): number {
  const removed = new Set<string>();
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const ref = annots.get(i);
      if (!isLink(doc, ref)) continue;
      removed.add(ref.toString());
      annots.remove(i);
    }
    if (annots.size() === 0) page.node.delete(PDFName.of("Annots"));
  }
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (root && removed.size) dropObjectRefs(doc, root.get(PDFName.of("K")), removed, new Set());
  return removed.size;
}
