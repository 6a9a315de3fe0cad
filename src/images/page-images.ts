// PNGs of chosen pages of a built PDF, for posts and slides, at an exact pixel
// width. The project's own Chromium draws them with pdf.js (draw-pages.ts), so
// a machine set up only to build has all it needs; the files are staged and
// renamed together, so a failed run leaves the previous images as they were.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type BrowserSession, withBrowser } from "../browser/browser-session.js";
import { StagedFiles } from "../runtime/atomic-write.js";
import { loadPdf } from "../runtime/load-pdf.js";
import { drawPages, type PreparedDrawing } from "./draw-pages.js";

export interface PageImagesOptions {
  pdf: string;
  /** 1-based page numbers; every page when absent. */
  pages?: number[];
  width: number;
  outDir: string;
}

export class PageRangeError extends Error {
  override name = "PageRangeError";
}

export const imageName = (pdf: string, page: number) => `${path.basename(pdf, ".pdf")}-p${String(page).padStart(2, "0")}.png`;

export async function writePageImages(options: PageImagesOptions): Promise<string[]> {
  const bytes = await readFile(options.pdf);
  const count = (await loadPdf(bytes)).getPageCount();
  const pages = options.pages ?? Array.from({ length: count }, (_, i) => i + 1);
  const outside = pages.filter((p) => p < 1 || p > count);
  if (outside.length) throw new PageRangeError(`${path.basename(options.pdf)} has ${count} pages; no page ${outside.join(", ")}`);
  const pngs = await withBrowser((session) => drawPages(session, bytes, pages, options.width));
  const staged = new StagedFiles();
  try {
    const written: string[] = [];
    for (const [i, page] of pages.entries()) {
      const file = path.join(options.outDir, imageName(options.pdf, page));
      await staged.write(file, pngs[i]);
      written.push(file);
    }
    await staged.commit();
    return written;
  } catch (err) {
    await staged.discard();
    throw err;
  }
}

export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * The first page of a finished PDF not yet written (the build's bytes), as
 * `observatory images <id> --pages 1` would draw it: the web edition's
 * sharing image, written beside it in the same commit. Drawn in the build's
 * browser when it is given (a second launch costs more than the drawing).
 */
export async function coverImage(pdf: Uint8Array, width: number, session?: BrowserSession, prepared?: PreparedDrawing): Promise<PageImage> {
  const draw = (s: BrowserSession) => (prepared ? prepared.draw(pdf, [1], width) : drawPages(s, pdf, [1], width));
  const [png] = session ? await draw(session) : await withBrowser(draw);
  // IHDR: width and height are the big-endian words at bytes 16 and 20 of every PNG.
  return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
