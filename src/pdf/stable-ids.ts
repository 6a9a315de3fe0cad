// Chromium names structure elements after DOM node ids ("node00000271"),
// which are counted across the renderer's life: they shift between two prints
// of the same page, and their order changes too when the page was printed
// and edited before (a first build fills the contents page in and prints
// again; a rebuild prints once). Renumbering them in the order the structure
// tree lists its elements makes the tree, and so the whole file, the same
// from build to build, whatever Chromium counted.
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from "pdf-lib";

const NODE_ID = /\(node(\d{8})\)/g;

/** The /ID of every structure element, depth first in tree order. */
function idsInTreeOrder(doc: PDFDocument): string[] {
  const ids: string[] = [];
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined): void => {
    const node = obj && doc.context.lookup(obj);
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (node instanceof PDFArray) {
      for (const child of node.asArray()) visit(child);
      return;
    }
    if (!(node instanceof PDFDict)) return;
    const id = node.get(PDFName.of("ID"));
    if (id instanceof PDFString || id instanceof PDFHexString) ids.push(id.decodeText());
    visit(node.get(PDFName.of("K")));
  };
  visit(doc.catalog.get(PDFName.of("StructTreeRoot")));
  return ids;
}

/**
 * Old id -> new id. With the document, in structure-tree order (then any id
 * the tree does not list, by number); without it, by number only.
 */
export function stableIdMap(raw: Uint8Array, doc?: PDFDocument): Map<string, string> {
  const text = Buffer.from(raw).toString("latin1");
  const byNumber = [...new Set([...text.matchAll(NODE_ID)].map((m) => Number(m[1])))]
    .sort((a, b) => a - b)
    .map((n) => `node${String(n).padStart(8, "0")}`);
  const all = new Set(byNumber);
  const ordered = [...new Set([...(doc ? idsInTreeOrder(doc).filter((id) => all.has(id)) : []), ...byNumber])];
  return new Map(ordered.map((id, i) => [id, `node${String(i + 1).padStart(8, "0")}`]));
}

/** Rewrite every id string in the document: /ID, the IDTree, table /Headers. */
export function applyStableIds(doc: PDFDocument, map: Map<string, string>): number {
  if (!map.size) return 0;
  let replaced = 0;
  const seen = new Set<PDFObject>();
  const rewrite = (obj: PDFObject): PDFObject | undefined => {
    if (obj instanceof PDFString || obj instanceof PDFHexString) {
      const next = map.get(obj.decodeText());
      if (next) {
        replaced++;
        return PDFString.of(next);
      }
      return undefined;
    }
    if (seen.has(obj)) return undefined;
    seen.add(obj);
    if (obj instanceof PDFDict) {
      for (const [key, value] of obj.entries()) {
        const next = rewrite(value);
        if (next) obj.set(key, next);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) {
        const next = rewrite(obj.get(i));
        if (next) obj.set(i, next);
      }
    }
    return undefined;
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) rewrite(obj);
  return replaced;
}

/**
 * The IDTree is a name tree, whose keys must be in order: once renamed, its
 * entries are written again, sorted, as one leaf (a few hundred ids).
 */
export function sortIdTree(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict);
  const tree = root?.lookupMaybe(PDFName.of("IDTree"), PDFDict);
  if (!tree) return;
  const entries: [string, PDFObject][] = [];
  const collect = (node: PDFDict): void => {
    const names = node.lookupMaybe(PDFName.of("Names"), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      if (key instanceof PDFString || key instanceof PDFHexString) entries.push([key.decodeText(), names.get(i + 1)]);
    }
    const kids = node.lookupMaybe(PDFName.of("Kids"), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) collect(kid);
      // The old leaves would stay in the file, unreferenced, in their old order.
      const ref = kids.get(i);
      if (ref instanceof PDFRef) doc.context.delete(ref);
    }
  };
  collect(tree);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const names = doc.context.obj([]);
  for (const [key, value] of entries) {
    names.push(PDFString.of(key));
    names.push(value);
  }
  tree.delete(PDFName.of("Kids"));
  tree.delete(PDFName.of("Limits"));
  tree.set(PDFName.of("Names"), names);
}
