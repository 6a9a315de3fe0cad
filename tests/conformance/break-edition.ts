// A real edition (2026-04, English, digital) broken by an edit to its objects
// or bytes and checked again: what the conformance checks then report.
import { readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRawStream, PDFRef } from "pdf-lib";
import { checkConformance } from "../../src/conformance/check-pdf.js";
import type { ConformanceFinding, Standard } from "../../src/conformance/types.js";
import { built } from "../support/built-editions.js";

export const BOTH: Standard[] = ["PDF/A-3", "PDF/UA-1"];
export const N = (s: string) => PDFName.of(s);

export async function brokenFindings(
  edit: (doc: PDFDocument) => void,
  bytesEdit?: (bytes: Uint8Array) => Uint8Array,
): Promise<ConformanceFinding[]> {
  const doc = await PDFDocument.load(readFileSync(built("2026-04", "en").pdf), { updateMetadata: false });
  edit(doc);
  let bytes: Uint8Array = await doc.save({ useObjectStreams: false });
  if (bytesEdit) bytes = bytesEdit(bytes);
  return (await checkConformance(bytes, BOTH)).findings;
}

/** "PDF/A-3 6.2.5-1" for each finding. */
export async function broken(edit: (doc: PDFDocument) => void, bytesEdit?: (bytes: Uint8Array) => Uint8Array): Promise<string[]> {
  return (await brokenFindings(edit, bytesEdit)).map((f) => `${f.standard} ${f.rule}`);
}

export const dict = (doc: PDFDocument, o: PDFObject | undefined) => {
  const r = o instanceof PDFRef ? doc.context.lookup(o) : o;
  return r instanceof PDFDict ? r : r instanceof PDFRawStream ? r.dict : undefined;
};

/** Page 1's resource dictionary of `key` (ExtGState, XObject, ColorSpace, Font), made if missing. */
export function resources(doc: PDFDocument, key: string, page = 0): PDFDict {
  const node = doc.getPage(page).node;
  const res = dict(doc, node.get(N("Resources"))) as PDFDict;
  let d = dict(doc, res.get(N(key)));
  if (!d) {
    d = doc.context.obj({});
    res.set(N(key), d);
  }
  return d;
}

/** Appends an artifact to page 1's content: `ops` run inside /Artifact BMC … EMC. */
export function paint(doc: PDFDocument, ops: string, page = 0): void {
  doc.getPage(page).node.addContentStream(doc.context.register(doc.context.flateStream(`/Artifact BMC q ${ops} Q EMC`)));
}

/** Every structure element (S and P keys) of the file. */
export function elems(doc: PDFDocument, type?: string): PDFDict[] {
  return [...doc.context.enumerateIndirectObjects()].flatMap(([, o]) =>
    o instanceof PDFDict && o.get(N("S")) instanceof PDFName && o.has(N("P")) && (!type || o.get(N("S")) === N(type)) ? [o] : [],
  );
}

export function fontsOf(doc: PDFDocument, subtype: string): PDFDict[] {
  return [...doc.context.enumerateIndirectObjects()].flatMap(([, o]) =>
    o instanceof PDFDict && o.get(N("Type")) === N("Font") && o.get(N("Subtype")) === N(subtype) ? [o] : [],
  );
}

export const arr = (doc: PDFDocument, o: PDFObject | undefined) => {
  const r = o instanceof PDFRef ? doc.context.lookup(o) : o;
  return r instanceof PDFArray ? r : undefined;
};
