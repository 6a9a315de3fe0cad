// Copies of Type0 fonts whose glyphs are wider by a letter-spacing (see
// letter-spacing.ts). The copy shares the ToUnicode of the original; its
// dictionaries, width array and font program are its own, the program's
// advances widened as its widths are (font-advances.ts).
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFRef } from "pdf-lib";
import { spacedProgram } from "./font-advances.js";
import type { SpacedFont } from "./text-runs.js";

/** A copy waiting for its program, made once every page has said which glyphs it shows (finishSpacedCopies). */
export interface SpacedCopy {
  ref: PDFRef;
  descriptor: PDFDict;
  program: Uint8Array;
  spacing: number;
  glyphs: Set<number>;
}

function fontProgram(doc: PDFDocument, descriptor: PDFDict): Uint8Array | undefined {
  const file = doc.context.lookup(descriptor.get(PDFName.of("FontFile2")));
  if (!(file instanceof PDFRawStream)) return undefined;
  const filter = file.dict.lookup(PDFName.of("Filter"));
  if ((filter && filter !== PDFName.of("FlateDecode")) || file.dict.has(PDFName.of("DecodeParms"))) return undefined;
  return filter ? inflateSync(file.contents) : file.contents;
}

/** Each copy's own FontFile2: the original's, advances widened, outlines of its glyphs only. */
export function finishSpacedCopies(doc: PDFDocument, copies: Map<string, SpacedCopy | undefined>): void {
  for (const copy of copies.values()) {
    if (!copy) continue;
    // Identity CIDToGIDMap (Chromium's): a CID is its glyph id.
    const program = spacedProgram(copy.program, copy.spacing, copy.glyphs);
    if (!program) throw new Error("letter-spaced font: its program could not be rewritten");
    copy.descriptor.set(PDFName.of("FontFile2"), doc.context.register(doc.context.flateStream(program, { Length1: program.length })));
  }
}

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

function spacedCopy(doc: PDFDocument, font: PDFDict, spacing: number): SpacedCopy | undefined {
  if (font.lookup(PDFName.of("Subtype"))?.toString() !== "/Type0") return undefined;
  const descendants = font.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray);
  const descendant = descendants?.lookupMaybe(0, PDFDict);
  if (!descendant) return undefined;
  const descriptor = descendant.lookupMaybe(PDFName.of("FontDescriptor"), PDFDict);
  const program = descriptor && fontProgram(doc, descriptor);
  if (!descriptor || !program) return undefined;
  const widerDescriptor = descriptor.clone(doc.context);
  const wider = descendant.clone(doc.context);
  wider.set(PDFName.of("FontDescriptor"), doc.context.register(widerDescriptor));
  const dw = descendant.lookupMaybe(PDFName.of("DW"), PDFNumber)?.asNumber() ?? 1000;
  wider.set(PDFName.of("DW"), PDFNumber.of(dw + spacing));
  const w = descendant.lookupMaybe(PDFName.of("W"), PDFArray);
  if (w) wider.set(PDFName.of("W"), widerWidths(doc, w, spacing));
  const copy = font.clone(doc.context);
  copy.set(PDFName.of("DescendantFonts"), doc.context.obj([doc.context.register(wider)]));
  return { ref: doc.context.register(copy), descriptor: widerDescriptor, program, spacing, glyphs: new Set() };
}

/** A SpacedFont for one resources dictionary; copies are shared by every page that uses the same font. */
export function spacedFonts(doc: PDFDocument, resources: PDFDict | undefined, copies: Map<string, SpacedCopy | undefined>): SpacedFont {
  return (name, spacing, glyphs) => {
    const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
    const ref = fonts?.get(PDFName.of(name));
    const font = ref && doc.context.lookupMaybe(ref, PDFDict);
    if (!fonts || !font) return undefined;
    const key = `${ref.toString()} ${spacing}`;
    if (!copies.has(key)) copies.set(key, spacedCopy(doc, font, spacing));
    const copy = copies.get(key);
    if (!copy) return undefined;
    for (const g of glyphs) copy.glyphs.add(Number.parseInt(g, 16));
    const copyName = `${name}s${spacing}`;
    fonts.set(PDFName.of(copyName), copy.ref);
    return copyName;
  };
}
