// Fonts as the PDF carries them, page by page: is each one embedded, is it
// one of the edition's own, and how many glyphs print as .notdef (glyph 0,
// the empty box a font shows for a character it does not have).

import { decodePDFRawStream, PDFArray, PDFDict, type PDFDocument, PDFName, PDFRawStream, PDFStream } from "pdf-lib";
import { pageContentStreams } from "../readback/pdf-content.js";

export interface PdfFont {
  /** BaseFont without its subset prefix (ABCDEF+Inter-Bold -> Inter-Bold). */
  name: string;
  subtype: string;
  embedded: boolean;
  /** 1-based pages that use it. */
  pages: number[];
}

export interface FontReport {
  fonts: PdfFont[];
  /** Per 1-based page: glyphs drawn as glyph 0 (.notdef). */
  notdef: Map<number, number>;
}

const n = (name: string) => PDFName.of(name);

function descriptorOf(doc: PDFDocument, font: PDFDict): PDFDict | undefined {
  const own = font.lookupMaybe(n("FontDescriptor"), PDFDict);
  if (own) return own;
  const descendants = font.lookupMaybe(n("DescendantFonts"), PDFArray);
  const first = descendants && doc.context.lookupMaybe(descendants.get(0), PDFDict);
  return first?.lookupMaybe(n("FontDescriptor"), PDFDict);
}

function isEmbedded(doc: PDFDocument, font: PDFDict): boolean {
  if (font.get(n("Subtype"))?.toString() === "/Type3") return true; // glyphs drawn in the file itself
  const d = descriptorOf(doc, font);
  return Boolean(d && (d.has(n("FontFile")) || d.has(n("FontFile2")) || d.has(n("FontFile3"))));
}

function streamText(stream: PDFStream): string {
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes).toString("latin1");
}

/** Glyph-0 codes shown with two-byte (Type0) fonts in one content stream. */
function countNotdef(content: string, twoByte: Set<string>): number {
  let font = "";
  let count = 0;
  const tokens = /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)|(T[Jj])\b/g;
  let pending: string[] = [];
  for (let m = tokens.exec(content); m; m = tokens.exec(content)) {
    if (m[1]) font = m[1];
    else if (m[2] !== undefined) pending.push(m[2].replace(/\s+/g, ""));
    else if (m[4]) {
      if (twoByte.has(font))
        for (const hex of pending) for (let i = 0; i + 4 <= hex.length; i += 4) if (hex.slice(i, i + 4) === "0000") count++;
      pending = [];
    }
  }
  return count;
}

export function readFonts(doc: PDFDocument): FontReport {
  const fonts = new Map<string, PdfFont>();
  const notdef = new Map<number, number>();
  /** Records the fonts of a resource dictionary for `page`; returns those shown with two-byte codes. */
  const fontsOf = (resources: PDFDict | undefined, page: number): Set<string> => {
    const twoByte = new Set<string>();
    const fontDict = resources?.lookupMaybe(n("Font"), PDFDict);
    for (const [key, ref] of fontDict?.entries() ?? []) {
      const font = doc.context.lookupMaybe(ref, PDFDict);
      if (!font) continue;
      const subtype = font.get(n("Subtype"))?.toString().slice(1) ?? "?";
      if (subtype === "Type0") twoByte.add(key.asString().slice(1));
      const name = (font.get(n("BaseFont"))?.toString().slice(1) ?? key.asString().slice(1)).replace(/^[A-Z]{6}\+/, "");
      const id = ref.toString();
      const entry = fonts.get(id) ?? { name, subtype, embedded: isEmbedded(doc, font), pages: [] };
      if (!entry.pages.includes(page)) entry.pages.push(page);
      fonts.set(id, entry);
    }
    return twoByte;
  };
  const visit = (resources: PDFDict | undefined, contents: PDFStream[], page: number, seen: Set<PDFStream>) => {
    const twoByte = fontsOf(resources, page);
    let missing = 0;
    for (const stream of contents) missing += countNotdef(streamText(stream), twoByte);
    if (missing) notdef.set(page, (notdef.get(page) ?? 0) + missing);
    const xobjects = resources?.lookupMaybe(n("XObject"), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const form = doc.context.lookupMaybe(ref, PDFStream);
      if (!form || seen.has(form) || form.dict.get(n("Subtype"))?.toString() !== "/Form") continue;
      seen.add(form);
      visit(form.dict.lookupMaybe(n("Resources"), PDFDict), [form], page, seen);
    }
  };
  doc.getPages().forEach((page, i) => {
    visit(page.node.Resources(), pageContentStreams(doc, page), i + 1, new Set());
  });
  return { fonts: [...fonts.values()], notdef };
}
