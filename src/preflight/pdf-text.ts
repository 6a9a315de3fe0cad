// The text of each page of the finished PDF, with the height at which each
// run of it sits, from the read-back layer's text items (src/readback/).
// Enough for what preflight asks (is a title on this page, how far down does
// the text reach), and much quicker than a full PDF renderer.
import type { PDFDocument } from "pdf-lib";
import { type PageItems, readItems } from "../readback/print-lines.js";

export interface TextRun {
  str: string;
  /** Baseline origin and font size, in PDF user space (points, y up). */
  x: number;
  y: number;
  height: number;
}

export interface PageText {
  /** The runs joined with spaces, soft hyphens removed. */
  text: string;
  runs: TextRun[];
  /** Images painted on the page (a page of pictures is not empty). */
  images: number;
}

export function pageTexts(pages: PageItems[]): PageText[] {
  return pages.map(({ items, images }) => {
    const runs = items.filter((i) => i.str.trim()).map((i) => ({ str: i.str, x: i.x, y: i.y, height: i.size }));
    return { runs, images, text: runs.map((r) => r.str.replace(/\u00ad/g, "")).join(" ") };
  });
}

export const readPageTexts = (doc: PDFDocument): PageText[] => pageTexts(readItems(doc));

/**
 * Text folded for comparison: case, soft hyphens, hyphens and white space
 * ignored; the apostrophe read as one character (a font maps its ’ glyph to
 * U+2019 or U+02BC in the PDF, whichever it lists first).
 */
export function foldText(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[\u0027\u2019\u02bc]/g, "\u2019")
      .normalize("NFC")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what a PDF text extraction leaves for a missing glyph
      .replace(/[\s\u0000\u00ad\u2010\u2011-]+/g, "")
  );
}
