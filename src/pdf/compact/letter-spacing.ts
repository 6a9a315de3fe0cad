// CSS letter-spacing reaches the PDF as a gap after every glyph: in a TJ
// array, the same negative adjustment between all the letters. pdf.js and
// poppler take a gap wider than about a tenth of an em for a space between
// words ("S É B A S T I E N"), and both count character spacing (Tc) as a
// gap too. What they do not count as a gap is the glyph's own width: the run
// is shown with a copy of its font whose widths include the spacing, the
// adjustments lose it, and every glyph lands where it was.
import { formatNumber } from "./content-tokens.js";

/** Spacing (thousandths of an em) from which runs are rewritten: readers split words from about 100. */
export const MIN_SPACING = 50;

/**
 * The spacing of a run, when most of its adjustments are one value of at
 * least MIN_SPACING (kerning makes the others differ); undefined otherwise.
 */
export function runSpacing(adjustments: number[]): number | undefined {
  if (adjustments.length < 2) return undefined;
  const counts = new Map<number, number>();
  // Whole thousandths: the numbers carry the run's rounding drift (±0.1).
  for (const a of adjustments) counts.set(Math.round(a), (counts.get(Math.round(a)) ?? 0) + 1);
  const [mode, seen] = [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
  return -mode >= MIN_SPACING && seen * 2 >= adjustments.length ? -mode : undefined;
}

/** The TJ items with `spacing` taken out of every adjustment (the wider glyphs carry it). */
export function withoutSpacing(glyphs: string[], adjustments: number[], spacing: number): string[] {
  const parts = [`<${glyphs[0]}>`];
  adjustments.forEach((a, k) => {
    const adj = Math.round((a + spacing) * 10) / 10;
    parts.push(adj === 0 ? "" : formatNumber(adj, 1), `<${glyphs[k + 1]}>`);
  });
  return parts;
}
