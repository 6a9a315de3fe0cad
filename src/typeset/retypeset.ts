// Chromium has no hyphenate-limit-lines and knows nothing of columns when it
// breaks lines, so hyphenation faults are measured where they are: in the
// printed PDF. Each fault names a word (the third line of a ladder, the word
// split across a column or page, the word whose end sits alone on a last
// line, a name); the edition is rendered again with those words whole and
// printed again, until a print has no fault (or MAX_PASSES is reached, and
// preflight reports what is left). Leaving a word whole only takes a break
// away, so the passes converge; a word is chosen by what it is, never by its
// position, so the same inputs always give the same words and the same PDF.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { projectRoot } from "../paths.js";
import { readPageRules } from "../preflight/page-rules.js";
import type { Finding } from "../preflight/rules.js";
import { findLineFaults, type LineFault } from "./line-faults.js";
import { type PageLines, readLines, type TextArea } from "./pdf-lines.js";

export const MAX_PASSES = 6;

export interface Retypeset {
  /** Render the edition again with these words whole, these balancing CSS rules and contents numbers, into the printed file. */
  render(keepWhole: string[], css: string[], pageNumbers: Record<string, number>): Promise<void>;
  /** A word that must never be broken (names, acronyms, identifiers). */
  isName(word: string): boolean;
}

export interface PrintedArea {
  /** In points from the page box's top and bottom (as Chromium prints it), for reading the PDF. */
  points: TextArea;
  /** The page area's size in CSS px, for measuring in the page. */
  px: { width: number; height: number };
}

/** The text area of the default page. */
export async function printedTextArea(page: Page): Promise<PrintedArea> {
  // From the project root, not this module: the compiled chunk sits in dist/.
  const helpers = readFileSync(path.join(projectRoot, "src", "preflight", "in-page", "helpers.js"), "utf8")
    .trim()
    .replace(/;\s*$/, "");
  const settings = JSON.stringify({ pageRules: await readPageRules(page) });
  const geo = (await page.evaluate(`(() => (${helpers})(${settings}).geometry())()`)) as {
    pages: Record<string, { width: number; height: number; margins: { top: number; right: number; bottom: number; left: number } }>;
    bleed: number;
  };
  const { width, height, margins: m } = geo.pages[""];
  return {
    points: { top: m.top * 0.75, bottom: m.bottom * 0.75 },
    px: { width: width - m.left - m.right, height: height - m.top - m.bottom },
  };
}

export async function lineFaults(pdf: Uint8Array | PageLines[], area: TextArea, isName: (w: string) => boolean): Promise<LineFault[]> {
  return findLineFaults(pdf instanceof Uint8Array ? await readLines(pdf, area) : pdf, isName);
}

/** The words to print whole after this print, beyond those already whole; none when the print is clean. */
export function wordsToKeepWhole(faults: LineFault[], whole: ReadonlySet<string>): string[] {
  return [...new Set(faults.map((f) => f.word.toLowerCase()).filter((w) => w && !whole.has(w)))].sort();
}

const RULE_OF: Record<LineFault["kind"], Finding["rule"]> = {
  "hyphen-ladder": "hyphen-ladder",
  "split-word": "split-word",
  "word-fragment": "word-fragment",
  "hyphenated-name": "hyphenated-name",
};

/** Preflight findings for the faults left in the final print. */
export function lineFindings(faults: LineFault[]): Finding[] {
  return faults.map((f) => ({ rule: RULE_OF[f.kind], severity: "error", page: f.page, element: f.where, message: f.message }));
}
