// Where an element printed, as a box on its page: Chromium's named destination
// gives its top-left corner (printed-pages.ts), but not its size, and the DOM's
// size is the screen layout's (another width, so other line breaks). The box
// is therefore fitted to the printed lines that start at that corner: the
// element's first line there and each line below it that starts at the same
// left edge with no paragraph gap between, as wide as the widest of them
// (an overflowing line included, which is what an overflow finding is about).
// An element with no text there (an image, a rule) keeps the DOM's size.
import type { Line } from "./print-lines.js";

export type Rect = [number, number, number, number];

const round = (r: number[]) => r.map((v) => Math.round(v * 100) / 100) as Rect;

/** The box of an element whose top-left corner printed at (left, top) (points, y up); `size`: the DOM's, in points. */
export function fitBox(lines: readonly Line[], left: number, top: number, size: [number, number]): Rect {
  const startsHere = (l: Line) => Math.abs(l.x0 - left) < 4;
  // Baselines run from under the top by about a line's ascent.
  const first = lines.filter((l) => startsHere(l) && l.y <= top + 1 && l.y >= top - 2 * l.size - 4).sort((a, b) => b.y - a.y)[0];
  if (!first) return round([left, top - size[1], left + size[0], top]);
  const run = [first];
  for (;;) {
    const last = run[run.length - 1];
    const next = lines
      .filter((l) => startsHere(l) && l.y < last.y - 0.5 && last.y - l.y < 1.6 * Math.max(l.size, last.size) + 1)
      .sort((a, b) => b.y - a.y)[0];
    // The DOM's height bounds the run: the next paragraph does not belong to it.
    if (!next || top - next.y > size[1] + 2 * next.size) break;
    run.push(next);
  }
  const bottom = run[run.length - 1];
  return round([left, bottom.y - 0.3 * bottom.size, Math.max(...run.map((l) => l.x1)), top]);
}
