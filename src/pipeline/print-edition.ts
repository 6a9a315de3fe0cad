// The browser part of a job: load the HTML, print until the contents page
// shows the real page of every heading, and (optionally) inspect the page for
// preflight while it is still open.

import type { Page } from "puppeteer-core";
import { paintedBleed } from "../browser/page-bleed.js";
import { loadForPrint, printPdf, setContentsPages } from "../browser/print-page.js";
import type { Language } from "../manifest/primitives.js";
import { inspectPage, type PageInspection } from "../preflight/inspect-page.js";
import { watchFailedRequests } from "../preflight/watch-requests.js";
import { printedPages } from "../readback/printed-pages.js";
import { refinePrint } from "../typeset/refine.js";
import type { Retypeset } from "../typeset/retypeset.js";
import { lineFindings } from "./line-findings.js";
import type { TypesetSeed } from "./typeset-memo.js";

export interface PrintRequest {
  htmlFile: string;
  allowedRoots: string[];
  language: Language;
  /** The page numbers the HTML was rendered with (from the last build), if any. */
  hint?: Record<string, number>;
  print: boolean;
  preflight: boolean;
  /** Measure hyphenation faults in each print and print again with their words whole (src/typeset/retypeset.ts). */
  retypeset?: Retypeset;
  /** The decisions the HTML was rendered with (those of the last build), to start the passes from. */
  seed?: TypesetSeed;
  timed: <T>(stage: string, fn: () => Promise<T>) => Promise<T>;
}

export interface Printed {
  pdf: Uint8Array;
  pageNumbers: Record<string, number>;
  blocked: string[];
  bleed: number;
  inspection?: PageInspection;
  /** Words printed whole because a print found them badly broken. */
  keepWhole: string[];
  /** CSS rules that balance the pages, found by measuring a print. */
  css: string[];
}

export async function pagesOfHeadings(pdf: Uint8Array): Promise<Record<string, number>> {
  return Object.fromEntries(await printedPages(pdf));
}

const same = (a: Record<string, number> | undefined, b: Record<string, number>) =>
  a !== undefined && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

export async function printEdition(page: Page, request: PrintRequest): Promise<Printed> {
  const { timed } = request;
  const failedRequests = watchFailedRequests(page);
  const { blocked } = await timed("load", () => loadForPrint(page, { htmlFile: request.htmlFile, allowedRoots: request.allowedRoots }));
  // Chromium has no target-counter(): a print tells where each heading landed
  // (from the PDF's named destinations), the contents page is filled in and
  // printed again. With the numbers of the last build already in the HTML, the
  // first print usually confirms them and is the only one. Otherwise the first
  // print is untagged (faster, same layout). The numbers take no more room
  // than the blanks, so pages do not move; a third print only if they did.
  let pdf = await timed("print", () => printPdf(page, { tagged: request.hint !== undefined }));
  let pages = await pagesOfHeadings(pdf);
  let final = same(request.hint, pages);
  // Hyphenation faults and unbalanced pages, measured in the print and fixed (src/typeset/).
  const refined = request.retypeset
    ? await refinePrint(page, { pdf, pages, final, seed: request.seed }, request.retypeset, pagesOfHeadings, timed)
    : undefined;
  if (refined) ({ pdf, pages, final } = refined);
  for (let pass = 0; !final && pass < 2; pass++) {
    await setContentsPages(page, pages);
    pdf = await timed(pass ? "print-again" : "print-contents", () => printPdf(page));
    const again = await pagesOfHeadings(pdf);
    final = same(pages, again) || pass === 1;
    pages = again;
  }
  const bleed = request.print ? await paintedBleed(page) : 0;
  const inspection = request.preflight
    ? await timed("preflight-page", () =>
        inspectPage(page, {
          language: request.language,
          failedRequests: [...new Map(failedRequests.map((f) => [`${f.url} ${f.error}`, f])).values()],
          blockedRequests: blocked,
          pageNumbers: pages,
          print: () => printPdf(page, { tagged: false }),
        }),
      )
    : undefined;
  if (inspection && request.retypeset && refined)
    inspection.findings.push(
      // Measured on the last print the passes made: the contents numbers filled in since move no line.
      ...lineFindings(refined.lineFaults),
      ...refined.tableFaults.map((f) => ({ rule: "table-continuation" as const, severity: "error" as const, ...f })),
    );
  // A reprint reloads the page, and its refused requests are refused again: list each once.
  return {
    pdf,
    pageNumbers: pages,
    blocked: [...new Set(blocked)],
    bleed,
    inspection,
    keepWhole: refined?.keepWhole ?? [],
    css: refined?.css ?? [],
  };
}
