// "did you mean …?" for misspelt keys, section types and enum values. Editors
// mostly swap two letters, drop one, or write in-progress for in_progress.

/** Optimal string alignment distance: Levenshtein plus adjacent swaps ("titel"). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

const loose = (s: string) => s.toLowerCase().replace(/[-_\s]/g, "");

/** The candidate closest to `typed`, when it is close enough to be a typo. */
export function closest(typed: string, candidates: readonly string[]): string | undefined {
  const same = candidates.find((c) => loose(c) === loose(typed));
  if (same) return same;
  // Below four letters every candidate is "close" ("J5" and J0): only case and dashes count.
  if (typed.length < 4) return undefined;
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const dist = distance(loose(typed), loose(c));
    if (dist < bestDistance) [best, bestDistance] = [c, dist];
  }
  return best;
}

/** `; did you mean "title"?`, or nothing when no candidate is close. */
export function didYouMean(typed: unknown, candidates: readonly string[]): string {
  if (typeof typed !== "string") return "";
  const guess = closest(typed, candidates);
  return guess && guess !== typed ? `; did you mean "${guess}"?` : "";
}
