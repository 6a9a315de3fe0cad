// The tag structure made to read as PDF/UA-1 asks (ISO 14289-1, 7.1 to 7.18),
// where Chromium's is not: non-standard types mapped in the RoleMap, list
// items' content in LBody, a <figure> that only groups other elements made a
// Div (a Figure is read as one picture, by its Alt), link annotations given
// an alternate description, the print flag and /Tabs /S.
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFRef, PDFString } from "pdf-lib";
import type { Heading } from "../sections/section-kit.js";
import { kids, name, parentTreeSlots, structElems } from "./structure-tree.js";
import { padTableRows } from "./table-cells.js";

// ISO 32000-1, 14.8.4: Chromium writes the HTML names of PDF 2.0 (Strong, Em).
const ROLES: Record<string, string> = { Strong: "Span", Em: "Span", Sub: "Span", Sup: "Span", Title: "P", Aside: "Div", FENote: "Note" };

function roleMap(doc: PDFDocument, types: Set<string>): void {
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  if (!root) return;
  const map = root.lookupMaybe(PDFName.of("RoleMap"), PDFDict) ?? doc.context.obj({});
  for (const t of [...types].sort()) if (ROLES[t] && !map.has(PDFName.of(t))) map.set(PDFName.of(t), PDFName.of(ROLES[t]));
  if (map.keys().length) root.set(PDFName.of("RoleMap"), map);
}

const isElem = (doc: PDFDocument, k: PDFObject) => {
  const d = k instanceof PDFRef ? doc.context.lookup(k) : undefined;
  return d instanceof PDFDict && d.has(PDFName.of("S")) ? d : undefined;
};

/** Points what `kid` is (an element, marked content, an annotation) at a new parent. */
function reparent(doc: PDFDocument, kid: PDFObject, owner: PDFDict, parent: PDFRef, slots: ReturnType<typeof parentTreeSlots>): void {
  const elem = isElem(doc, kid);
  if (elem) {
    elem.set(PDFName.of("P"), parent);
    return;
  }
  const d = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
  const objr =
    d instanceof PDFDict && name(d.get(PDFName.of("Type"))) === "OBJR"
      ? doc.context.lookupMaybe(d.get(PDFName.of("Obj")), PDFDict)
      : undefined;
  if (objr) {
    const key = objr.lookupMaybe(PDFName.of("StructParent"), PDFNumber)?.asNumber();
    const slot = key === undefined ? undefined : slots.get(key);
    if (slot) slot.nums.set(slot.at, parent);
    return;
  }
  const mcid =
    kid instanceof PDFNumber ? kid.asNumber() : d instanceof PDFDict ? d.lookupMaybe(PDFName.of("MCID"), PDFNumber)?.asNumber() : undefined;
  const pageRef = (d instanceof PDFDict && d.get(PDFName.of("Pg"))) || owner.get(PDFName.of("Pg"));
  const page = pageRef && doc.context.lookupMaybe(pageRef, PDFDict);
  const key = page?.lookupMaybe(PDFName.of("StructParents"), PDFNumber)?.asNumber();
  const slot = key === undefined ? undefined : slots.get(key);
  const array = slot && doc.context.lookupMaybe(slot.nums.get(slot.at), PDFArray);
  if (array && mcid !== undefined && mcid < array.size()) array.set(mcid, parent);
}

/** LI holds only Lbl and LBody (7.2-20): whatever else it holds goes into one LBody. */
function wrapListBodies(doc: PDFDocument): number {
  const slots = parentTreeSlots(doc);
  let made = 0;
  for (const li of structElems(doc).filter((e) => e.type === "LI")) {
    const all = kids(doc, li.dict);
    const stray = all.filter((k) => !["Lbl", "LBody"].includes(name(isElem(doc, k)?.get(PDFName.of("S"))) ?? ""));
    if (!stray.length) continue;
    const body = doc.context.obj({ Type: "StructElem", S: "LBody", P: li.ref, K: stray });
    const pg = li.dict.get(PDFName.of("Pg"));
    if (pg) body.set(PDFName.of("Pg"), pg);
    const bodyRef = doc.context.register(body);
    for (const k of stray) reparent(doc, k, li.dict, bodyRef, slots);
    const at = all.indexOf(stray[0]);
    const kept = all.filter((k) => !stray.includes(k));
    li.dict.set(PDFName.of("K"), doc.context.obj([...kept.slice(0, at), bodyRef, ...kept.slice(at)]));
    made++;
  }
  return made;
}

/** A Figure without a text alternative that holds other elements (a chart's <figure>) groups them: a Div. */
function groupFigures(doc: PDFDocument): number {
  let made = 0;
  for (const f of structElems(doc).filter((e) => e.type === "Figure")) {
    if (f.dict.has(PDFName.of("Alt")) || f.dict.has(PDFName.of("ActualText"))) continue;
    if (!kids(doc, f.dict).some((k) => isElem(doc, k))) continue;
    f.dict.set(PDFName.of("S"), PDFName.of("Div"));
    made++;
  }
  return made;
}

function titles(headings: Heading[], into = new Map<string, string>()): Map<string, string> {
  for (const h of headings) {
    into.set(h.anchor, h.title);
    titles(h.children, into);
  }
  return into;
}

/** Link annotations: Contents (7.18.5), printed (ISO 19005-3, 6.3.2), pages that have them /Tabs /S (7.18.3). */
function describeLinks(doc: PDFDocument, headings: Heading[]): void {
  const byAnchor = titles(headings);
  for (const page of doc.getPages()) {
    page.node.set(PDFName.of("Tabs"), PDFName.of("S"));
    const annots = page.node.Annots();
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookupMaybe(i, PDFDict);
      if (!annot) continue;
      const flags = annot.lookupMaybe(PDFName.of("F"), PDFNumber)?.asNumber() ?? 0;
      annot.set(PDFName.of("F"), PDFNumber.of((flags | 4) & ~(1 | 2 | 32 | 256)));
      if (name(annot.get(PDFName.of("Subtype"))) !== "Link" || annot.has(PDFName.of("Contents"))) continue;
      const dest = annot.get(PDFName.of("Dest"));
      const action = annot.lookupMaybe(PDFName.of("A"), PDFDict);
      const uri = action?.lookup(PDFName.of("URI"));
      const target =
        dest instanceof PDFName ? name(dest) : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      const text =
        uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : target ? (byAnchor.get(target) ?? target) : undefined;
      if (text) annot.set(PDFName.of("Contents"), PDFHexString.fromText(text));
    }
  }
}

export interface StructureFixes {
  listBodies: number;
  figureGroups: number;
  /** Empty cells Chromium left out of table rows, put back (PDF/UA-1 7.2-43). */
  tableCells: number;
}

export function fixStructure(doc: PDFDocument, headings: Heading[]): StructureFixes {
  const listBodies = wrapListBodies(doc);
  const figureGroups = groupFigures(doc);
  const tableCells = padTableRows(doc);
  roleMap(doc, new Set(structElems(doc).map((e) => e.type)));
  describeLinks(doc, headings);
  return { listBodies, figureGroups, tableCells };
}
