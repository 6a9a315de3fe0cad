// The text area of the default page, from the @page rules the page loaded
// (page-rules.ts) as the in-page helpers resolve them: in points for reading
// a PDF, in CSS px for measuring in the page. One computation for the
// typesetting (which reads Chromium's raw print, whose page box includes the
// print profile's bleed) and the preflight (which reads the finished PDF from
// its TrimBox).
import type { Page } from "puppeteer-core";
import { withHelpers } from "./in-page-script.js";
import { readPageRules } from "./page-rules.js";
import type { TextArea } from "./print-lines.js";

export interface PageGeometry {
  /** Per page name ("" is the default page): size and margins in CSS px. */
  pages: Record<string, { width: number; height: number; margins: { top: number; right: number; bottom: number; left: number } }>;
  /** The print profile's bleed, in CSS px (0 in the digital profile). */
  bleed: number;
}

export interface PrintedArea {
  /** Margins from the page box's top and bottom as Chromium prints it (bleed included), in points. */
  points: TextArea;
  /** Margins from the trim (the finished PDF's TrimBox), in points. */
  trim: TextArea;
  /** The page area's size in CSS px, for measuring in the page. */
  px: { width: number; height: number };
}

/** The text area of the default page of a geometry. */
export function textArea(geo: PageGeometry): PrintedArea {
  const { width, height, margins: m } = geo.pages[""];
  return {
    points: { top: m.top * 0.75, bottom: m.bottom * 0.75 },
    trim: { top: (m.top - geo.bleed) * 0.75, bottom: (m.bottom - geo.bleed) * 0.75 },
    px: { width: width - m.left - m.right, height: height - m.top - m.bottom },
  };
}

/** The page geometry of the loaded page, from its @page rules. */
export async function pageGeometry(page: Page): Promise<PageGeometry> {
  const settings = { pageRules: await readPageRules(page) };
  return (await page.evaluate(withHelpers("geometry", settings))) as PageGeometry;
}
