// The browser part of a job: load the HTML, print until the typesetting asks
// for no fix and the contents page shows the real page of every heading, and
// (optionally) inspect the page for preflight while it is still open.

import type { Page } from "puppeteer-core";
import { paintedBleed } from "../browser/page-bleed.js";
import { loadForPrint, printPdf, setContentsPages } from "../browser/print-page.js";
import type { Language } from "../manifest/primitives.js";
import { inspectPage, type PageInspection } from "../preflight/inspect-page.js";
import { watchFailedRequests } from "../preflight/watch-requests.js";
import { readPageRules } from "../readback/page-rules.js";
import { addPrintAnchors, keptPrint, removePrintAnchors, withoutAnchors } from "../readback/print-anchors.js";
import { printedPages } from "../readback/printed-pages.js";
import { loadPdf } from "../runtime/load-pdf.js";
import { decide, type MeasuredPrint, measurePrint, startTypesetting } from "../typeset/refine.js";
import { MAX_PASSES, type Retypeset } from "../typeset/retypeset.js";
import { printKey } from "./finish-memo.js";
import { lineFindings } from "./line-findings.js";
import type { KeptPrint, TypesetSeed } from "./typeset-memo.js";

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
  /** The last build's kept print, when this HTML is the one it printed (last-build.ts). */
  kept?: KeptPrint;
  /**
   * Called with the kept print as soon as it is known, before the page is
   * inspected: the caller finishes it while Chromium inspects (no `inspection` yet).
   */
  printed?: (printed: Printed) => void;
  /** Work for this process while Chromium makes the first print, called once it has been asked for. */
  whilePrinting?: () => void;
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
  /** How many times the edition was printed (the preflight's own probe print, when it has findings to place, aside). */
  prints: number;
  /** The kept print's key and what its page showed, for the next build (typeset-memo.ts). */
  kept: KeptPrint;
}

export async function pagesOfHeadings(pdf: Uint8Array): Promise<Record<string, number>> {
  return withoutAnchors(await printedPages(pdf));
}

const same = (a: Record<string, number> | undefined, b: Record<string, number>) =>
  a !== undefined && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

/** Reprints that only fill the contents numbers in, after the layout has settled (a third print only if pages moved). */
const CONTENTS_PASSES = 2;

export async function printEdition(page: Page, request: PrintRequest): Promise<Printed> {
  const { timed, retypeset } = request;
  const failedRequests = watchFailedRequests(page);
  const { blocked } = await timed("load", () => loadForPrint(page, { htmlFile: request.htmlFile, allowedRoots: request.allowedRoots }));
  // One loop for everything that needs another print. Chromium has no
  // target-counter(): a print tells where each heading landed (from the PDF's
  // named destinations), and the contents page shows the numbers of the print
  // before it; typesetting measures the same print (hyphenation faults,
  // unbalanced pages: src/typeset/) and asks for fixes. Each print is tagged
  // and carries the rows' anchors (src/readback/print-anchors.ts), since any
  // one may turn out to be the last: a print is kept when it asks for no fix
  // and shows the numbers it printed at. With the numbers and decisions of the
  // last build already in the HTML, that is the first print.
  let prints = 0;
  let anchored = false;
  const printMeasured = async (stage: string): Promise<MeasuredPrint & { raw: Uint8Array }> => {
    if (retypeset && !anchored) await addPrintAnchors(page);
    anchored = true;
    const raw = await timed(stage, () => {
      const printing = printPdf(page);
      // Once the print command has left (a turn of the event loop), this process is free until the PDF comes back.
      if (prints === 0 && request.whilePrinting) setImmediate(request.whilePrinting);
      return printing;
    });
    prints++;
    const doc = await loadPdf(raw);
    const dests = await printedPages(doc);
    return { raw, doc, dests, pages: withoutAnchors(dests) };
  };
  let shown = request.hint;
  let printed = await printMeasured("print");
  // The last build's print again, numbers and all: it asked for no fix when it was
  // measured, and its page showed what the preflight kept. Nothing to measure.
  const kept = request.kept;
  if (retypeset && kept && same(shown, printed.pages) && (kept.inspection !== undefined) === request.preflight) {
    const pdf = keptPrint(printed.raw);
    if (printKey(pdf) === kept.key) {
      const result: Printed = {
        pdf,
        pageNumbers: printed.pages,
        blocked: [...new Set(blocked)],
        bleed: kept.bleed,
        inspection: kept.inspection,
        keepWhole: [...new Set(request.seed?.keepWhole)].sort(),
        css: [...new Set(request.seed?.css)],
        prints,
        kept,
      };
      request.printed?.(result);
      return result;
    }
  }
  // The page's text area is read only for a print that is measured: the kept one above needs none.
  const typeset = retypeset ? await startTypesetting(page, request.seed) : undefined;
  let fixPasses = 0;
  let contentPasses = 0;
  // The layout is measured again only after a print with new fixes: the contents numbers take no more room than the blanks.
  let measure = true;
  for (let pass = 1; ; pass++) {
    const asked: { words: string[]; rules: string[] } | undefined =
      typeset && retypeset && measure ? await timed(`measure-${pass}`, () => measurePrint(page, typeset, printed, retypeset)) : undefined;
    const fixes: boolean = asked !== undefined && (asked.words.length > 0 || asked.rules.length > 0) && fixPasses < MAX_PASSES;
    if (!fixes && (same(shown, printed.pages) || contentPasses === CONTENTS_PASSES)) break;
    if (fixes && typeset && retypeset) {
      fixPasses++;
      decide(typeset, asked as { words: string[]; rules: string[] });
      await retypeset.render([...typeset.whole].sort(), [...typeset.css], printed.pages);
      await page.reload({ waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      anchored = false;
    } else {
      await setContentsPages(page, printed.pages);
      contentPasses++;
    }
    measure = fixes;
    shown = printed.pages;
    printed = await printMeasured(fixes ? `reprint-${pass}` : contentPasses === 1 ? "print-contents" : "print-again");
  }
  const pages = printed.pages;
  // Preflight looks at the page as the editors made it: the anchors go before it does.
  if (anchored && typeset) await removePrintAnchors(page);
  const bleed = request.print ? await paintedBleed(page) : 0;
  const pdf = keptPrint(printed.raw);
  const result: Printed = {
    pdf,
    pageNumbers: pages,
    // A reprint reloads the page, and its refused requests are refused again: list each once.
    blocked: [...new Set(blocked)],
    bleed,
    keepWhole: typeset ? [...typeset.whole].sort() : [],
    css: typeset ? [...typeset.css] : [],
    prints,
    kept: { key: printKey(pdf), bleed },
  };
  // What the inspection asks of this process before its one evaluation, asked
  // now: once the caller is finishing, an answer would wait for it.
  const pageRules = request.preflight ? await readPageRules(page) : undefined;
  request.printed?.(result);
  const inspection = request.preflight
    ? await timed("preflight-page", () =>
        inspectPage(page, {
          language: request.language,
          failedRequests: [...new Map(failedRequests.map((f) => [`${f.url} ${f.error}`, f])).values()],
          blockedRequests: blocked,
          pageNumbers: pages,
          pageRules,
          print: () => printPdf(page, { tagged: false }),
        }),
      )
    : undefined;
  if (inspection && typeset)
    inspection.findings.push(
      // Measured on the last print measured: the contents numbers filled in since move no line.
      ...lineFindings(typeset.lineFaults),
      ...typeset.tableFaults.map((f) => ({ rule: "table-continuation" as const, severity: "error" as const, ...f })),
    );
  return { ...result, inspection, kept: { ...result.kept, inspection } };
}
