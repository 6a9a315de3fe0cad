// A walk over the structure tree Chromium writes, and its ParentTree (which
// maps marked content and annotations back to their structure element), for
// the fixes that move content from one element to another.
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from "pdf-lib";

export const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.asString().slice(1) : undefined);

export interface StructElem {
  ref: PDFRef;
  dict: PDFDict;
  type: string;
}

/** Every structure element, parents before children (a cycle is walked once). */
export function structElems(doc: PDFDocument): StructElem[] {
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const out: StructElem[] = [];
  const seen = new Set<string>();
  const visit = (k: PDFObject | undefined) => {
    if (k instanceof PDFArray) return k.asArray().forEach(visit);
    if (!(k instanceof PDFRef) || seen.has(k.toString())) return;
    seen.add(k.toString());
    const dict = doc.context.lookup(k);
    if (!(dict instanceof PDFDict) || name(dict.get(PDFName.of("Type"))) === "OBJR" || name(dict.get(PDFName.of("Type"))) === "MCR") return;
    if (!dict.has(PDFName.of("S"))) return;
    out.push({ ref: k, dict, type: name(dict.get(PDFName.of("S"))) ?? "" });
    visit(dict.get(PDFName.of("K")));
  };
  visit(root?.get(PDFName.of("K")));
  return out;
}

export function kids(doc: PDFDocument, elem: PDFDict): PDFObject[] {
  const k = elem.get(PDFName.of("K"));
  if (k === undefined) return [];
  const resolved = k instanceof PDFRef ? doc.context.lookup(k) : k;
  return resolved instanceof PDFArray ? resolved.asArray() : [k];
}

/** Where each ParentTree key's value sits: an array of elements (a page's MCIDs) or one element (an annotation). */
export function parentTreeSlots(doc: PDFDocument): Map<number, { nums: PDFArray; at: number }> {
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const out = new Map<number, { nums: PDFArray; at: number }>();
  const visit = (node: PDFDict | undefined) => {
    if (!node) return;
    const nums = node.lookupMaybe(PDFName.of("Nums"), PDFArray);
    for (let i = 0; nums && i + 1 < nums.size(); i += 2) {
      const key = nums.lookup(i);
      if (key instanceof PDFNumber) out.set(key.asNumber(), { nums, at: i + 1 });
    }
    const children = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; children && i < children.size(); i++) visit(children.lookupMaybe(i, PDFDict));
  };
  visit(root?.lookupMaybe(PDFName.of("ParentTree"), PDFDict));
  return out;
}
