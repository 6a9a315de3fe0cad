// Small readers over pdf-lib's objects shared by the checks.

import { inflateSync } from "node:zlib";
import {
  PDFArray,
  PDFBool,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  PDFRawStream,
  PDFRef,
  PDFString,
} from "pdf-lib";

export const N = (s: string) => PDFName.of(s);
export const nameOf = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);
export const numberOf = (o: PDFObject | undefined) => (o instanceof PDFNumber ? o.asNumber() : undefined);
export const boolOf = (o: PDFObject | undefined) => (o instanceof PDFBool ? o.asBoolean() : undefined);
export const textOf = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

export function resolve(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

export function dictOf(doc: PDFDocument, o: PDFObject | undefined): PDFDict | undefined {
  const r = resolve(doc, o);
  if (r instanceof PDFDict) return r;
  if (r instanceof PDFRawStream) return r.dict;
  return undefined;
}

export function arrayOf(doc: PDFDocument, o: PDFObject | undefined): PDFObject[] | undefined {
  const r = resolve(doc, o);
  return r instanceof PDFArray ? r.asArray() : undefined;
}

export function get(doc: PDFDocument, d: PDFDict | undefined, key: string): PDFObject | undefined {
  return d ? resolve(doc, d.get(N(key))) : undefined;
}

/** A stream's decoded bytes (Flate or none); undefined for a filter the checks do not decode. */
export function streamData(doc: PDFDocument, o: PDFObject | undefined): Uint8Array | undefined {
  const s = resolve(doc, o);
  if (!(s instanceof PDFRawStream)) return undefined;
  const filter = resolve(doc, s.dict.get(N("Filter")));
  const f = filter instanceof PDFArray ? filter.asArray().map((x) => nameOf(resolve(doc, x))) : [nameOf(filter)].filter(Boolean);
  if (f.length === 0) return s.contents;
  if (f.length === 1 && f[0] === "FlateDecode" && !s.dict.has(N("DecodeParms"))) {
    try {
      return inflateSync(s.contents);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export const refText = (doc: PDFDocument, o: PDFObject) => {
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) if (obj === o) return ref.toString();
  return undefined;
};

/** Every indirect object with its reference, streams' dictionaries included. */
export function* objects(doc: PDFDocument): Generator<[PDFRef, PDFObject]> {
  yield* doc.context.enumerateIndirectObjects();
}

/** Every object reachable inside `root` without following references (dictionaries, arrays, values). */
export function* inside(root: PDFObject): Generator<{ key?: string; value: PDFObject; parent?: PDFObject }> {
  const stack: { key?: string; value: PDFObject; parent?: PDFObject }[] = [{ value: root }];
  while (stack.length) {
    const item = stack.pop() as { key?: string; value: PDFObject; parent?: PDFObject };
    yield item;
    const v = item.value instanceof PDFRawStream ? item.value.dict : item.value;
    if (v instanceof PDFDict) for (const [k, x] of v.entries()) stack.push({ key: k.decodeText(), value: x, parent: v });
    else if (v instanceof PDFArray) for (const x of v.asArray()) stack.push({ value: x, parent: v });
  }
}

/** Page number (1-based) of every page dictionary. */
export function pageNumbers(doc: PDFDocument): Map<PDFDict, number> {
  return new Map(doc.getPages().map((p, i) => [p.node as PDFDict, i + 1]));
}
