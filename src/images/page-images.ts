// PNGs of chosen pages of a built PDF, for posts and slides. Poppler's
// pdftoppm draws them (the same renderer the tests read pages with), at an
// exact pixel width; the files are staged and renamed together, so a failed
// run leaves the previous images as they were.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument } from "pdf-lib";
import { StagedFiles } from "../runtime/atomic-write.js";

const run = promisify(execFile);

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
  const count = (await PDFDocument.load(await readFile(options.pdf), { updateMetadata: false })).getPageCount();
  const pages = options.pages ?? Array.from({ length: count }, (_, i) => i + 1);
  const outside = pages.filter((p) => p < 1 || p > count);
  if (outside.length) throw new PageRangeError(`${path.basename(options.pdf)} has ${count} pages; no page ${outside.join(", ")}`);
  const temp = await mkdtemp(path.join(tmpdir(), "observatory-images-"));
  const staged = new StagedFiles();
  try {
    const written: string[] = [];
    for (const page of pages) {
      const png = await drawPage(options.pdf, page, options.width, temp);
      const file = path.join(options.outDir, imageName(options.pdf, page));
      await staged.write(file, png);
      written.push(file);
    }
    await staged.commit();
    return written;
  } catch (err) {
    await staged.discard();
    throw err;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** One page as a PNG `width` pixels wide, drawn in `temp` (a folder the caller removes). */
async function drawPage(pdf: string, page: number, width: number, temp: string): Promise<Buffer> {
  const prefix = path.join(temp, `p${page}`);
  // -scale-to-y -1 keeps the page's proportions at exactly the asked width.
  await run("pdftoppm", [
    "-png",
    "-f",
    `${page}`,
    "-l",
    `${page}`,
    "-singlefile",
    "-scale-to-x",
    `${width}`,
    "-scale-to-y",
    "-1",
    pdf,
    prefix,
  ]);
  return readFile(`${prefix}.png`);
}

export interface PageImage {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * The first page of a finished PDF not yet written (the build's bytes), as
 * `observatory images <id> --pages 1` would draw it: the web edition's
 * sharing image, written beside it in the same commit. Undefined when
 * poppler is not installed: a build needs only Chromium, and the web edition
 * then goes without its sharing image rather than the edition failing.
 */
export async function coverImage(pdf: Uint8Array, width: number): Promise<PageImage | undefined> {
  const temp = await mkdtemp(path.join(tmpdir(), "observatory-cover-"));
  try {
    const file = path.join(temp, "edition.pdf");
    await writeFile(file, pdf);
    const png = await drawPage(file, 1, width, temp);
    // IHDR: width and height are the big-endian words at bytes 16 and 20 of every PNG.
    return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT" && (err as { path?: string }).path === "pdftoppm") return undefined;
    throw err;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
