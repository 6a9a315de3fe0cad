// Copies of Type0 fonts whose glyphs are wider by a letter-spacing (see
// letter-spacing.ts). The copy shares the font file, descriptor and ToUnicode
// of the original: only the two small dictionaries and the width array are new.
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFRef } from "pdf-lib";
import type { SpacedFont } from "./text-runs.js";

function widerWidths(doc: PDFDocument, w: PDFArray, spacing: number): PDFArray {
  const items = w.asArray().map((o) => doc.context.lookup(o));
  const out = doc.context.obj([]);
  for (let i = 0; i < items.length; ) {
    const second = items[i + 1];
    out.push(items[i] as PDFNumber);
    if (second instanceof PDFArray) {
      out.push(doc.context.obj(second.asArray().map((o) => (doc.context.lookup(o) as PDFNumber).asNumber() + spacing)));
      i += 2;
    } else {
      out.push(second as PDFNumber);
      out.push(PDFNumber.of((items[i + 2] as PDFNumber).asNumber() + spacing));
      i += 3;
    }
  }
  return out;
}

function spacedCopy(doc: PDFDocument, font: PDFDict, spacing: number): PDFRef | undefined {
  if (font.lookup(PDFName.of("Subtype"))?.toString() !== "/Type0") return undefined;
  const descendants = font.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray);
  const descendant = descendants?.lookupMaybe(0, PDFDict);
  if (!descendant) return undefined;
  const wider = descendant.clone(doc.context);
  const dw = descendant.lookupMaybe(PDFName.of("DW"), PDFNumber)?.asNumber() ?? 1000;
  wider.set(PDFName.of("DW"), PDFNumber.of(dw + spacing));
  const w = descendant.lookupMaybe(PDFName.of("W"), PDFArray);
  if (w) wider.set(PDFName.of("W"), widerWidths(doc, w, spacing));
  const copy = font.clone(doc.context);
  copy.set(PDFName.of("DescendantFonts"), doc.context.obj([doc.context.register(wider)]));
  return doc.context.register(copy);
}

/** A SpacedFont for one resources dictionary; copies are shared by every page that uses the same font. */
export function spacedFonts(doc: PDFDocument, resources: PDFDict | undefined, copies: Map<string, PDFRef | undefined>): SpacedFont {
  return (name, spacing) => {
    const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
    const ref = fonts?.get(PDFName.of(name));
    const font = ref && doc.context.lookupMaybe(ref, PDFDict);
    if (!fonts || !font) return undefined;
    const key = `${ref.toString()} ${spacing}`;
    if (!copies.has(key)) copies.set(key, spacedCopy(doc, font, spacing));
    const copy = copies.get(key);
    if (!copy) return undefined;
    const copyName = `${name}s${spacing}`;
    fonts.set(PDFName.of(copyName), copy);
    return copyName;
  };
}
