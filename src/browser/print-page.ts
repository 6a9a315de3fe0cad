// Loads a local HTML file in a borrowed page with scripts off and every
// request outside the allowed folders blocked, then prints it to PDF.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { browserTimeoutMs } from "./browser-fault.js";

export interface LoadOptions {
  htmlFile: string;
  /** Folders whose files the page may load (templates, assets, font packages, the HTML's own folder). */
  allowedRoots: string[];
}

export interface LoadedPage {
  /** Requests refused because they left the allowed folders (network, other files). */
  blocked: string[];
}

function isAllowed(url: string, roots: string[]): boolean {
  if (url.startsWith("data:")) return true;
  if (!url.startsWith("file:")) return false;
  const file = path.resolve(fileURLToPath(url));
  return roots.some((root) => file === root || file.startsWith(root + path.sep));
}

export async function loadForPrint(page: Page, options: LoadOptions): Promise<LoadedPage> {
  const roots = options.allowedRoots.map((r) => path.resolve(r));
  const blocked: string[] = [];
  // The page's own scripts never run: a manifest cannot smuggle any in, and
  // the layout must not depend on them. (CDP evaluation below still works.)
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowed(url, roots)) void request.continue();
    else {
      blocked.push(url);
      void request.abort("blockedbyclient");
    }
  });
  await page.emulateMediaType("print");
  await page.goto(pathToFileURL(options.htmlFile).href, { waitUntil: "load" });
  // font-display: block plus this wait: no page is printed with a fallback face.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { blocked };
}

/**
 * Prints the loaded page. `tagged: false` is for the first, measuring pass:
 * the layout is the same, and Chromium skips building the structure tree.
 */
export async function printPdf(page: Page, options: { tagged?: boolean } = {}): Promise<Uint8Array> {
  return page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    // Tagged PDF: Chromium writes the structure tree that screen readers use.
    tagged: options.tagged ?? true,
    outline: false,
    displayHeaderFooter: false,
    // loadForPrint() and every reload have waited for the fonts: not asked of the page again before each print.
    waitForFonts: false,
    timeout: browserTimeoutMs(),
  });
}

/** Fill the contents page numbers in place, so the second print needs no reload. */
export async function setContentsPages(page: Page, pages: Record<string, number>): Promise<void> {
  await page.evaluate((entries: [string, number][]) => {
    for (const [anchor, n] of entries) {
      const el = document.querySelector(`.toc a[href="#${CSS.escape(anchor)}"] .toc-page`);
      if (el) el.textContent = String(n);
    }
  }, Object.entries(pages));
}
