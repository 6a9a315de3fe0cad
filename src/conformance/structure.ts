// The structure tree as the UA rules read it: every element from the root's
// K down (each once), with its type, its standard type through the RoleMap,
// its parent and its element kids, and the ParentTree's MCID → element map.
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from "pdf-lib";
import { arrayOf, dictOf, get, N, nameOf, numberOf, resolve, textOf } from "./cos.js";

/** ISO 32000-1 14.8.4 standard structure types (the ones PDF/UA-1 allows unmapped). */
export const STANDARD = new Set(
  "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split(
    " ",
  ),
);

export interface Elem {
  dict: PDFDict;
  ref: string;
  type: string;
  /** The standard type it maps to; undefined when unmapped or circular. */
  std?: string;
  circular: boolean;
  parent?: Elem;
  kids: Elem[];
  /** Object references (OBJR) among its kids. */
  objrs: PDFObject[];
}

export const label = (e: Elem) => `StructElem ${e.type} (${e.ref})`;

export function standardType(doc: PDFDocument, type: string): { std?: string; circular: boolean } {
  const roleMap = dictOf(doc, get(doc, dictOf(doc, get(doc, doc.catalog, "StructTreeRoot")), "RoleMap"));
  const seen = new Set<string>();
  let t: string | undefined = type;
  while (t && !STANDARD.has(t)) {
    if (seen.has(t)) return { circular: true };
    seen.add(t);
    t = nameOf(get(doc, roleMap, t));
  }
  return { std: t, circular: false };
}

const cache = new WeakMap<PDFDocument, Elem[]>();

/** Every element of the tree, in document (depth-first) order. */
export function elements(doc: PDFDocument): Elem[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: Elem[] = [];
  const root = dictOf(doc, get(doc, doc.catalog, "StructTreeRoot"));
  const seen = new Set<PDFDict>();
  const visit = (k: PDFObject | undefined, parent: Elem | undefined, refHint?: string) => {
    const r = resolve(doc, k);
    if (r instanceof PDFArray) {
      for (const x of r.asArray()) visit(x, parent, x instanceof PDFRef ? x.toString() : undefined);
      return;
    }
    if (!(r instanceof PDFDict) || seen.has(r)) return;
    const t = nameOf(r.get(N("Type")));
    if (t === "OBJR") {
      parent?.objrs.push(r.get(N("Obj")) as PDFObject);
      return;
    }
    if (t === "MCR" || !(r.get(N("S")) instanceof PDFName)) return;
    seen.add(r);
    const type = nameOf(r.get(N("S"))) as string;
    const e: Elem = {
      dict: r,
      ref: refHint ?? (k instanceof PDFRef ? k.toString() : "direct"),
      type,
      ...standardType(doc, type),
      parent,
      kids: [],
      objrs: [],
    };
    parent?.kids.push(e);
    out.push(e);
    visit(r.get(N("K")), e, r.get(N("K")) instanceof PDFRef ? r.get(N("K"))?.toString() : undefined);
  };
  const k = root?.get(N("K"));
  visit(k, undefined, k instanceof PDFRef ? k.toString() : undefined);
  cache.set(doc, out);
  return out;
}

/** The attribute value of an element (A dictionaries or arrays of them, any owner). */
export function attribute(doc: PDFDocument, e: Elem, key: string): PDFObject | undefined {
  const a = resolve(doc, e.dict.get(N("A")));
  const list = a instanceof PDFArray ? a.asArray() : a ? [a] : [];
  for (const x of list) {
    const d = dictOf(doc, x);
    if (d?.has(N(key))) return resolve(doc, d.get(N(key)));
  }
  return undefined;
}

export const intAttr = (doc: PDFDocument, e: Elem, key: string) => numberOf(attribute(doc, e, key));

/** The element's language, its own or its nearest ancestor's. */
export function langOf(doc: PDFDocument, e: Elem | undefined): string | undefined {
  for (let x = e; x; x = x.parent) {
    const l = textOf(get(doc, x.dict, "Lang"));
    if (l !== undefined) return l;
  }
  return undefined;
}

/** ParentTree: StructParents number → the array (per MCID) or element it maps to. */
export function parentTree(doc: PDFDocument): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  const root = dictOf(doc, get(doc, doc.catalog, "StructTreeRoot"));
  const stack: (PDFObject | undefined)[] = [get(doc, root, "ParentTree")];
  const seen = new Set<PDFObject>();
  while (stack.length) {
    const node = dictOf(doc, stack.pop());
    if (!node || seen.has(node)) continue;
    seen.add(node);
    const nums = arrayOf(doc, get(doc, node, "Nums")) ?? [];
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const key = nums[i];
      if (key instanceof PDFNumber) out.set(key.asNumber(), nums[i + 1] as PDFObject);
    }
    stack.push(...(arrayOf(doc, get(doc, node, "Kids")) ?? []));
  }
  return out;
}
