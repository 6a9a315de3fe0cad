// The passes between the first print and the final one: measure the print
// (hyphenation faults, unbalanced pages), render the edition again with the
// words whole and the balancing rules, print again; until a print is clean
// or MAX_PASSES. See retypeset.ts and balance.ts.
import type { Page } from "puppeteer-core";
import { printPdf } from "../browser/print-page.js";
import { pageFill } from "../readback/page-fill.js";
import { type PageLines, readLines } from "../readback/print-lines.js";
import { type PrintedArea, pageGeometry, textArea } from "../readback/text-area.js";
import { balanceRules, type TableFault } from "./balance.js";
import type { LineFault } from "./line-faults.js";
import { lineFaults, MAX_PASSES, type Retypeset, wordsToKeepWhole } from "./retypeset.js";

export interface Refined {
  pdf: Uint8Array;
  pages: Record<string, number>;
  /** The contents numbers printed are the final ones (unchanged by any pass). */
  final: boolean;
  keepWhole: string[];
  css: string[];
  area: PrintedArea;
  /** Continued tables that could not be balanced, in the final print. */
  tableFaults: TableFault[];
  /** Hyphenation faults left in the final print (editors' own soft hyphens, or out of passes). */
  lineFaults: LineFault[];
}

export async function refinePrint(
  page: Page,
  start: { pdf: Uint8Array; pages: Record<string, number>; final: boolean; seed?: { keepWhole: string[]; css: string[] } },
  retypeset: Retypeset,
  pagesOf: (pdf: Uint8Array) => Promise<Record<string, number>>,
  timed: <T>(stage: string, fn: () => Promise<T>) => Promise<T>,
): Promise<Refined> {
  let { pdf, pages, final } = start;
  const area = textArea(await pageGeometry(page));
  // The decisions the first print was already made with (a rebuild's, src/pipeline/typeset-memo.ts).
  const whole = new Set<string>(start.seed?.keepWhole);
  const css = new Set<string>(start.seed?.css);
  let tableFaults: TableFault[] = [];
  let faults: LineFault[] = [];
  let clean = false;
  const measure = (lines: PageLines[]) =>
    balanceRules(page, { pages, area: area.px, print: () => printPdf(page, { tagged: false }), fill: pageFill(lines, area.points) }, css);
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const { words, rules } = await timed(`measure-${pass}`, async () => {
      const lines = await readLines(pdf, area.points);
      const balance = await measure(lines);
      tableFaults = balance.faults;
      faults = await lineFaults(lines, area.points, retypeset.isName);
      return { words: wordsToKeepWhole(faults, whole), rules: balance.rules };
    });
    clean = !words.length && !rules.length;
    if (clean) break;
    for (const w of words) whole.add(w);
    for (const r of rules) css.add(r);
    await retypeset.render([...whole].sort(), [...css], pages);
    await page.reload({ waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const before = pages;
    pdf = await timed(`reprint-${pass}`, () => printPdf(page, { tagged: final }));
    pages = await pagesOf(pdf);
    final = final && Object.entries(pages).every(([k, v]) => before[k] === v);
  }
  // Out of passes: what the final print leaves, for preflight.
  if (!clean) {
    const lines = await readLines(pdf, area.points);
    tableFaults = (await measure(lines)).faults;
    faults = await lineFaults(lines, area.points, retypeset.isName);
  }
  return { pdf, pages, final, keepWhole: [...whole].sort(), css: [...css], area, tableFaults, lineFaults: faults };
}
