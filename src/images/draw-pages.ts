// Pages of a PDF as PNGs at an exact pixel width, drawn by the Chromium the
// build already runs with the pdf.js the preview already ships: nothing else
// to install (poppler is only in the tests' set-up), and nothing fetched.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { BrowserSession } from "../browser/browser-session.js";

const require = createRequire(import.meta.url);
let sources: Promise<[string, string]> | undefined;
/** pdf.js and its worker as text, read once per process (the archive's thumbnails use them too). */
export const pdfjsSources = () =>
  (sources ??= Promise.all(
    ["pdf.min.mjs", "pdf.worker.min.mjs"].map((name) => readFile(require.resolve(`pdfjs-dist/build/${name}`), "utf8")),
  ) as Promise<[string, string]>);

// Defined from text: a function passed to evaluate() would be rewritten by the
// tools that load our code (tsx, Vitest), and its import() with it.
const DRAWER = `window.openPdf = async (lib, worker, data) => {
  const pdfjs = await import(URL.createObjectURL(new Blob([lib], { type: "text/javascript" })));
  // A module worker cannot start from a blank page's blob: pdf.js then runs
  // its worker code in the page itself, which is all a few pages need.
  pdfjs.GlobalWorkerOptions.workerSrc = URL.createObjectURL(new Blob([worker], { type: "text/javascript" }));
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  // No WebAssembly (it would be fetched): pdf.js's own JavaScript decoders draw the page.
  window.pdfDoc = await pdfjs.getDocument({ data: bytes, useWasm: false, enableXfa: false }).promise;
};
window.drawPdfPage = async (number, width) => {
  const page = await window.pdfDoc.getPage(number);
  // The scale that makes the page exactly width pixels wide; the height follows its proportions.
  const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = Math.round(viewport.height);
  await page.render({ canvas, canvasContext: canvas.getContext("2d"), viewport }).promise;
  page.cleanup();
  return canvas.toDataURL("image/png").slice("data:image/png;base64,".length);
};`;

interface DrawerWindow {
  openPdf(lib: string, worker: string, data: string): Promise<void>;
  drawPdfPage(page: number, width: number): Promise<string>;
}

/** `pages` (1-based) of `pdf`, each a PNG exactly `width` pixels wide, drawn in one borrowed tab. */
// One drawing at a time in this process: two pages drawn at once (two jobs of
// a build) came out with a few anti-aliased pixels different, one time in
// twelve; drawn in turn, the same page always gives the same bytes.
let queue: Promise<unknown> = Promise.resolve();

export function drawPages(session: BrowserSession, pdf: Uint8Array, pages: number[], width: number): Promise<Buffer[]> {
  const turn = queue.then(() => drawNow(session, pdf, pages, width));
  queue = turn.catch(() => undefined);
  return turn;
}

async function drawNow(session: BrowserSession, pdf: Uint8Array, pages: number[], width: number): Promise<Buffer[]> {
  const [lib, worker] = await pdfjsSources();
  const data = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("base64");
  return session.withPage(async (tab) => {
    // A blank page of our own; pdf.js and the PDF come in as arguments and the
    // fonts are embedded, so any request at all is a mistake: refused.
    await tab.setRequestInterception(true);
    tab.on("request", (request) => {
      if (/^(blob|data):/.test(request.url())) void request.continue();
      else void request.abort();
    });
    await tab.evaluate(DRAWER);
    await tab.evaluate((l: string, w: string, d: string) => (window as unknown as DrawerWindow).openPdf(l, w, d), lib, worker, data);
    const pngs: Buffer[] = [];
    for (const page of pages) {
      const png = await tab.evaluate((p: number, w: number) => (window as unknown as DrawerWindow).drawPdfPage(p, w), page, width);
      pngs.push(Buffer.from(png, "base64"));
    }
    return pngs;
  });
}
