// Glyph widths of the Type0/CIDFontType2 fonts Chromium embeds (/W and /DW
// of the descendant font), keyed by the resource name pages use in Tf.
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber } from "pdf-lib";
import type { FontWidths } from "./text-runs.js";

function cidWidths(doc: PDFDocument, font: PDFDict): ((cid: number) => number) | undefined {
  if (font.lookup(PDFName.of("Subtype"))?.toString() !== "/Type0") return undefined;
  const descendant = font.lookup(PDFName.of("DescendantFonts"), PDFArray)?.lookup(0, PDFDict);
  if (!descendant) return undefined;
  const dw = descendant.lookupMaybe(PDFName.of("DW"), PDFNumber)?.asNumber() ?? 1000;
  const table = new Map<number, number>();
  const w = descendant.lookupMaybe(PDFName.of("W"), PDFArray);
  if (w) {
    const items = w.asArray().map((o) => doc.context.lookup(o));
    for (let i = 0; i < items.length; ) {
      const first = (items[i] as PDFNumber).asNumber();
      const second = items[i + 1];
      if (second instanceof PDFArray) {
        second.asArray().forEach((o, k) => {
          table.set(first + k, (doc.context.lookup(o) as PDFNumber).asNumber());
        });
        i += 2;
      } else {
        const last = (second as PDFNumber).asNumber();
        const width = (items[i + 2] as PDFNumber).asNumber();
        for (let c = first; c <= last; c++) table.set(c, width);
        i += 3;
      }
    }
  }
  return (cid) => table.get(cid) ?? dw;
}

/** Widths for every font in a resources dictionary (a page's or a form's). */
export function fontWidths(doc: PDFDocument, resources: PDFDict | undefined): FontWidths {
  const result: FontWidths = new Map();
  const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!fonts) return result;
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookupMaybe(ref, PDFDict);
    const widths = font && cidWidths(doc, font);
    if (widths) result.set(name.asString().slice(1), widths);
  }
  return result;
}
