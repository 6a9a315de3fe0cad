// The cover of a PDF as a small PNG for the catalog, drawn by the Chromium
// the archive already runs, with the pdf.js the preview already ships: no
// other tool to install, and one that cannot be missing on the day.
import { readFile, writeFile } from "node:fs/promises";
import type { BrowserSession } from "../browser/browser-session.js";
import { drawPages } from "../images/draw-pages.js";
import { loadPdf } from "../runtime/load-pdf.js";

/** Writes `<outBase>.png` from page 1 of `pdf` at 20 dpi (about 165 × 234 px for A4). */
export async function coverThumbnail(session: BrowserSession, pdf: string, outBase: string): Promise<string> {
  const bytes = await readFile(pdf);
  const width = (await loadPdf(bytes)).getPage(0).getWidth();
  // The page drawer the web edition's cover and `observatory images` use, at 20 dpi.
  const [png] = await drawPages(session, bytes, [1], Math.round((width * 20) / 72));
  const file = `${outBase}.png`;
  await writeFile(file, png);
  return file;
}
