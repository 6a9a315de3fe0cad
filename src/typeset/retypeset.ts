// Chromium has no hyphenate-limit-lines and knows nothing of columns when it
// breaks lines, so hyphenation faults are measured where they are: in the
// printed PDF. Each fault names a word (the third line of a ladder, the word
// split across a column or page, the word whose end sits alone on a last
// line, a name); the edition is rendered again with those words whole and
// printed again, until a print has no fault (or MAX_PASSES is reached, and
// preflight reports what is left). Leaving a word whole only takes a break
// away, so the passes converge; a word is chosen by what it is, never by its
// position, so the same inputs always give the same words and the same PDF.
import { type PageLines, readLines, type TextArea } from "../readback/print-lines.js";
import { findLineFaults, type LineFault } from "./line-faults.js";

export const MAX_PASSES = 6;

export interface Retypeset {
  /** Render the edition again with these words whole, these balancing CSS rules and contents numbers, into the printed file. */
  render(keepWhole: string[], css: string[], pageNumbers: Record<string, number>): Promise<void>;
  /** A word that must never be broken (names, acronyms, identifiers). */
  isName(word: string): boolean;
}

export async function lineFaults(pdf: Uint8Array | PageLines[], area: TextArea, isName: (w: string) => boolean): Promise<LineFault[]> {
  return findLineFaults(pdf instanceof Uint8Array ? await readLines(pdf, area) : pdf, isName);
}

/** The words to print whole after this print, beyond those already whole; none when the print is clean. */
export function wordsToKeepWhole(faults: LineFault[], whole: ReadonlySet<string>): string[] {
  return [...new Set(faults.map((f) => f.word.toLowerCase()).filter((w) => w && !whole.has(w)))].sort();
}
