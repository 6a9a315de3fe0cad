// A code frame of a 1 MB line is 1 MB of terminal: lines are cut to a window
// around the column that matters, marked with "…".

const WIDTH = 160;
const BEFORE = 60;

/** The source with long lines cut, and the column moved to match. */
export function clipLines(source: string, line: number, column: number): { source: string; column: number } {
  let moved = column;
  const lines = source.split("\n").map((text, i) => {
    if (text.length <= WIDTH) return text;
    if (i + 1 !== line) return `${text.slice(0, WIDTH)}…`;
    const start = Math.max(0, column - 1 - BEFORE);
    moved = column - start + (start ? 1 : 0);
    return `${start ? "…" : ""}${text.slice(start, start + WIDTH)}${start + WIDTH < text.length ? "…" : ""}`;
  });
  return { source: lines.join("\n"), column: moved };
}
