// Chromium names structure elements after DOM node ids ("node00000271"),
// which are counted across the renderer's life and can shift by one between
// two prints of the same page. Renumbering them in order of appearance makes
// the structure tree, and so the whole file, the same from build to build.
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, type PDFObject, PDFString } from "pdf-lib";

const NODE_ID = /\(node(\d{8})\)/g;

/** Old id -> new id, from the ids the raw PDF contains (they are written as plain strings). */
export function stableIdMap(raw: Uint8Array): Map<string, string> {
  const text = Buffer.from(raw).toString("latin1");
  const numbers = [...new Set([...text.matchAll(NODE_ID)].map((m) => Number(m[1])))].sort((a, b) => a - b);
  return new Map(numbers.map((n, i) => [`node${String(n).padStart(8, "0")}`, `node${String(i + 1).padStart(8, "0")}`]));
}

/** The raw bytes as they read with stable ids (for hashing). */
export function withStableIds(raw: Uint8Array, map: Map<string, string>): string {
  return Buffer.from(raw)
    .toString("latin1")
    .replace(NODE_ID, (m, n: string) => `(${map.get(`node${n}`) ?? m.slice(1, -1)})`);
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
