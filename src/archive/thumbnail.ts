// The cover of a PDF as a small PNG for the catalog, drawn by the Chromium
// the archive already runs, with the pdf.js the preview already ships: no
// other tool to install, and one that cannot be missing on the day.
import { readFile, writeFile } from "node:fs/promises";
import type { BrowserSession } from "../browser/browser-session.js";
import { pdfjsSources } from "../images/draw-pages.js";

const DRAW_COVER = `window.drawCover = async (lib, worker, data, dpi) => {
  const pdfjs = await import(URL.createObjectURL(new Blob([lib], { type: "text/javascript" })));
  // A module worker cannot start from a blank page's blob: pdf.js then runs
  // its worker code in the page itself, which is all a cover needs.
  pdfjs.GlobalWorkerOptions.workerSrc = URL.createObjectURL(new Blob([worker], { type: "text/javascript" }));
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data: bytes }).promise;
  const cover = await doc.getPage(1);
  const viewport = cover.getViewport({ scale: dpi / 72 });
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  await cover.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
  await doc.loadingTask.destroy();
  return canvas.toDataURL("image/png").slice("data:image/png;base64,".length);
}`;

/** Writes `<outBase>.png` from page 1 of `pdf` at 20 dpi (about 165 × 234 px for A4). */
export async function coverThumbnail(session: BrowserSession, pdf: string, outBase: string): Promise<string> {
  const [lib, worker] = await pdfjsSources();
  const data = (await readFile(pdf)).toString("base64");
  const png = await session.withPage(async (page) => {
    // A blank page of our own: pdf.js and the PDF come in as arguments and
    // pdf.js is given no address (fonts are embedded), so nothing is fetched.
    // Defined from text: a function passed to evaluate() would be rewritten by
    // the tools that load our code (tsx, Vitest), and import() with it.
    await page.evaluate(DRAW_COVER);
    return page.evaluate(
      (lib: string, worker: string, data: string, dpi: number) =>
        (window as unknown as { drawCover: (...a: unknown[]) => Promise<string> }).drawCover(lib, worker, data, dpi),
      lib,
      worker,
      data,
      20,
    );
  });
  const file = `${outBase}.png`;
  await writeFile(file, Buffer.from(png, "base64"));
  return file;
}
