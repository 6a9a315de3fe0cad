// Reading order between printed lines: the line under another in its column,
// and where a column's last line goes on (the next column, or the next page).
// Shared by the typesetting (which fixes breaks) and preflight (which judges them).
import type { Line, PageLines } from "./print-lines.js";

/** The line below `line` in the same column, if it follows within a line's spacing. */
export function below(lines: Line[], line: Line): Line | undefined {
  let best: Line | undefined;
  for (const l of lines)
    if (l !== line && l.y < line.y && l.y > line.y - line.size * 2.2 && l.x0 < line.x1 - 1 && l.x1 > line.x0 + 1)
      if (!best || l.y > best.y) best = l;
  return best;
}

/** Where a line's text goes on after the foot of its column: the next column, or the next page. */
export function continuation(pages: PageLines[], line: Line): Line | undefined {
  const same = pages[line.page - 1]?.lines ?? [];
  const right = same.filter((l) => l.x0 > line.x1 - 1).sort((a, b) => b.y - a.y || a.x0 - b.x0)[0];
  if (right) return right;
  const next = pages[line.page]?.lines ?? [];
  return [...next].sort((a, b) => b.y - a.y || a.x0 - b.x0).find((l) => Math.abs(l.x0 - line.x0) < 30) ?? next[0];
}

/** Which column of its page a line is in, and its row counted from the column's top. */
export function columnOf(lines: Line[], line: Line): { column: number; row: number } {
  const starts = [...new Set(lines.map((l) => Math.round(l.x0 / 40)))].sort((a, b) => a - b);
  const inColumn = lines.filter((l) => l.x0 < line.x1 && l.x1 > line.x0 && l.y >= line.y);
  return { column: starts.indexOf(Math.round(line.x0 / 40)) + 1, row: inColumn.length };
}
