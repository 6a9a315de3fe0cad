// Pages of a PDF as PNGs at an exact pixel width, drawn by the Chromium the
// build already runs with the pdf.js the preview already ships: nothing else
// to install (poppler is only in the tests' set-up), and nothing fetched.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "puppeteer-core";
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
const DRAWER = `window.loadPdfjs = async (lib, worker) => {
  const blob = (text) => URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
  window.pdfjs = await import(blob(lib));
  // A module worker cannot start from a blank page's blob: pdf.js runs its
  // worker code in the page itself, which is all a few pages need. Imported
  // here, with pdf.js, so that the tab is ready before the PDF is.
  globalThis.pdfjsWorker = await import(blob(worker));
};
window.drawPdf = async (data, numbers, width) => {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  // No WebAssembly (it would be fetched): pdf.js's own JavaScript decoders draw the page.
  const doc = await window.pdfjs.getDocument({ data: bytes, useWasm: false, enableXfa: false }).promise;
  const pngs = [];
  for (const number of numbers) pngs.push(await drawPage(doc, number, width));
  return pngs;
};
const drawPage = async (doc, number, width) => {
  const page = await doc.getPage(number);
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
  loadPdfjs(lib: string, worker: string): Promise<void>;
  drawPdf(data: string, pages: number[], width: number): Promise<string[]>;
}

interface Drawing {
  pdf: Uint8Array;
  pages: number[];
  width: number;
}

/** A tab with pdf.js loaded, waiting for the PDF to draw: draw() once, or cancel() to close it. */
export interface PreparedDrawing {
  draw(pdf: Uint8Array, pages: number[], width: number): Promise<Buffer[]>;
  cancel(): void;
}

// One drawing at a time in this process: two pages drawn at once (two jobs of
// a build) came out with a few anti-aliased pixels different, one time in
// twelve; drawn in turn, the same page always gives the same bytes.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Opens a tab and loads pdf.js in it now (the build prints meanwhile): what is
 * left when the PDF comes is reading it and drawing (about a third of the whole). The tab holds this
 * process's turn until draw() or cancel() is called.
 */
export function prepareDrawing(session: BrowserSession): PreparedDrawing {
  let give: (drawing: Drawing | undefined) => void = () => {};
  const input = new Promise<Drawing | undefined>((resolve) => {
    give = resolve;
  });
  const turn = queue.then(() =>
    session.withPage(async (tab) => {
      await setUp(tab);
      const drawing = await input;
      return drawing ? drawIn(tab, drawing) : [];
    }),
  );
  queue = turn.catch(() => undefined);
  turn.catch(() => {});
  return {
    draw: (pdf, pages, width) => {
      give({ pdf, pages, width });
      return turn;
    },
    cancel: () => give(undefined),
  };
}

/** `pages` (1-based) of `pdf`, each a PNG exactly `width` pixels wide, drawn in one borrowed tab. */
export function drawPages(session: BrowserSession, pdf: Uint8Array, pages: number[], width: number): Promise<Buffer[]> {
  return prepareDrawing(session).draw(pdf, pages, width);
}

async function setUp(tab: Page): Promise<void> {
  const [lib, worker] = await pdfjsSources();
  // A blank page of our own; pdf.js and the PDF come in as arguments and the
  // fonts are embedded, so any request at all is a mistake: refused.
  await tab.setRequestInterception(true);
  tab.on("request", (request) => {
    if (/^(blob|data):/.test(request.url())) void request.continue();
    else void request.abort();
  });
  await tab.evaluate(DRAWER);
  await tab.evaluate((l: string, w: string) => (window as unknown as DrawerWindow).loadPdfjs(l, w), lib, worker);
}

async function drawIn(tab: Page, { pdf, pages, width }: Drawing): Promise<Buffer[]> {
  const data = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("base64");
  // One call for the whole drawing: its answer waits for nothing of this process's
  // but the moment it reads it, however busy the checks keep this process meanwhile.
  const pngs = await tab.evaluate(
    (d: string, p: number[], w: number) => (window as unknown as DrawerWindow).drawPdf(d, p, w),
    data,
    pages,
    width,
  );
  return pngs.map((png) => Buffer.from(png, "base64"));
}
