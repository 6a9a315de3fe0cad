// How full a printed page is: the share of the page area's height its text
// fills, down to its lowest line. One formula and one threshold for both the
// typesetting (which copyfits and breaks tables so that no inner page is left
// under a third full) and the preflight (which reports a page that still is).
import type { PageLines, TextArea } from "./print-lines.js";

/** Below this share of the page area's height (a third), an inner page is nearly empty. */
export const NEAR_EMPTY = 1 / 3;

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
