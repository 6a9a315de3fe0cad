// The typesetting's side of the convergence loop (src/pipeline/print-edition.ts):
// measure a print (hyphenation faults, unbalanced pages) and say what to fix:
// words to print whole, balancing rules. The decisions only accumulate; the
// loop renders the edition again with them and prints again, until a print
// is clean or MAX_PASSES. See retypeset.ts and balance.ts.

import type { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer-core";
import { pageFill } from "../readback/page-fill.js";
import { readLines } from "../readback/print-lines.js";
import { type PrintedArea, pageGeometry, textArea } from "../readback/text-area.js";
import { balanceRules, type TableFault } from "./balance.js";
import type { LineFault } from "./line-faults.js";
import { lineFaults, type Retypeset, wordsToKeepWhole } from "./retypeset.js";

/** What the passes decided so far, and the faults of the last print measured. */
export interface Typesetting {
  whole: Set<string>;
  css: Set<string>;
  area: PrintedArea;
  /** Continued tables that could not be balanced, in the last print measured. */
  tableFaults: TableFault[];
  /** Hyphenation faults left in the last print measured (editors' own soft hyphens, or out of passes). */
  lineFaults: LineFault[];
}

/** Start from the decisions the first print was already made with (a rebuild's, src/pipeline/typeset-memo.ts). */
export async function startTypesetting(page: Page, seed?: { keepWhole: string[]; css: string[] }): Promise<Typesetting> {
  return {
    whole: new Set(seed?.keepWhole),
    css: new Set(seed?.css),
    area: textArea(await pageGeometry(page)),
    tableFaults: [],
    lineFaults: [],
  };
}

/** One print as the loop hands it over: the document, and the page of every named destination (rows' anchors included). */
export interface MeasuredPrint {
  doc: PDFDocument;
  dests: ReadonlyMap<string, number>;
  /** The pages of the headings alone. */
  pages: Record<string, number>;
}

/** The fixes this print asks for beyond those already decided (none when it is clean); records its faults. */
export async function measurePrint(
  page: Page,
  t: Typesetting,
  print: MeasuredPrint,
  retypeset: Pick<Retypeset, "isName">,
): Promise<{ words: string[]; rules: string[] }> {
  const lines = await readLines(print.doc, t.area.points);
  const balance = await balanceRules(
    page,
    { pages: print.pages, area: t.area.px, rowPages: print.dests, fill: pageFill(lines, t.area.points) },
    t.css,
  );
  t.tableFaults = balance.faults;
  t.lineFaults = await lineFaults(lines, t.area.points, retypeset.isName);
  return { words: wordsToKeepWhole(t.lineFaults, t.whole), rules: balance.rules };
}

/** Take the fixes into the decisions. */
export function decide(t: Typesetting, fixes: { words: string[]; rules: string[] }): void {
  for (const w of fixes.words) t.whole.add(w);
  for (const r of fixes.rules) t.css.add(r);
}
