// How full a printed page is, and when that is a fault: one formula and one
// rule for both the typesetting (which copyfits, breaks tables and moves
// charts so that no inner page is left short) and the preflight (which
// reports a page that still is).
//
// The rule, as a designer puts it:
// - no inner page under HALF of its page area, unless it ends a section and
//   the next page opens one by design (a page-start section, the back cover):
//   that page is the section's last and nothing may come up to fill it;
// - no inner page under a THIRD, unless a page-start section begins on it
//   (a short section on its own page is the layout, not a break's leftover).
// Covers are full-page designs and never judged.
import type { PageLines, TextArea } from "./print-lines.js";

/** Below this share of the page area's height (a third), an inner page is nearly empty. */
export const NEAR_EMPTY = 1 / 3;
/** Below this share (a half), an inner page is short unless its section ends there before a page that opens one. */
export const HALF_EMPTY = 1 / 2;

/** The share of the page area each page's text fills (index 0 = page 1); 0 for a page without text. */
export function pageFill(pages: PageLines[], area: TextArea): number[] {
  return pages.map(({ top, bottom = 0, lines }) => {
    const from = top - area.top;
    const height = from - area.bottom - bottom;
    if (!lines.length) return 0;
    const lowest = Math.min(...lines.map((l) => l.y - l.size * 0.25));
    return (from - lowest) / height;
  });
}

export const nearlyEmpty = (fill: number) => fill < NEAR_EMPTY;

export type FillFault = "near-empty" | "half-empty";

/**
 * The fault of each page's fill (index 0 = page 1), or undefined.
 * `own`: pages that open by design (a page-start section begins there, or a
 * cover): never near-empty, and the page before one may be short (it ends a
 * section that must leave room for the next page's). Covers go in `own` and
 * in `designs`, which are never judged at all.
 */
export function fillFaults(
  fill: readonly number[],
  own: ReadonlySet<number>,
  designs: ReadonlySet<number> = new Set(),
): (FillFault | undefined)[] {
  return fill.map((f, i) => {
    const n = i + 1;
    if (designs.has(n)) return undefined;
    if (f < NEAR_EMPTY && !own.has(n)) return "near-empty";
    // The last page ends the document: nothing could come up to fill it.
    if (f < HALF_EMPTY && n < fill.length && !own.has(n + 1)) return "half-empty";
    return undefined;
  });
}
