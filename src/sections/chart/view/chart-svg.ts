// Inline SVG bar charts. Series differ by pattern as well as colour, so the
// charts still read when the edition is printed in black and white.
import Handlebars from "handlebars";

/** Fills: a solid, b outlined and hatched, c outlined in grey with no fill. */
export type BarKind = "a" | "b" | "c";

/**
 * What a bar, a line or a point stands for. The fill follows from it, in one
 * table, so a fill means one thing in every chart of an edition: solid for
 * applicants and what is in progress, hatched for what is qualified, grey
 * outline for applicants whose stage no edition has published.
 */
export type SeriesKey = "applying" | "qualified" | "unpublished";
const KEY: Record<SeriesKey, BarKind> = { applying: "a", qualified: "b", unpublished: "c" };
export const seriesKind = (key: SeriesKey): BarKind => KEY[key];

export interface BarSeries {
  name: string;
  key: SeriesKey;
}

export interface BarRow {
  label: string;
  sublabel?: string;
  values: number[];
  /** Overrides what the series stands for, for this row. */
  key?: SeriesKey;
  /** Starts a group: a rule and this heading are drawn above the row. */
  group?: string;
}

export interface BarChart {
  id: string;
  alt: string;
  series: BarSeries[];
  rows: BarRow[];
  /** Bar thickness in SVG units (16 by default; history charts use thinner bars). */
  barHeight?: number;
}

const esc = Handlebars.escapeExpression;
const WIDTH = 480;
const LABEL_W = 150;
const GAP = 4;
const ROW_GAP = 12;
const GROUP_H = 22;

/** Whole numbers as they are, others to a tenth: coordinates short and stable. */
const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/**
 * A bar or a column, in the fill of its kind. The hatching is drawn as plain
 * lines rather than an SVG <pattern>, which Chromium's PDF backend turns into a
 * low-resolution bitmap.
 */
export function filledRect(kind: BarKind, x: number, y: number, w: number, h: number): string {
  const rect = `<rect x="${num(x)}" y="${num(y)}" width="${w.toFixed(1)}" height="${num(h)}" class="bar bar-${kind}"/>`;
  if (kind !== "b" || w <= 0 || h <= 0) return rect;
  const step = 4;
  const segments: string[] = [];
  // 45° lines x - y = c, clipped to the rectangle.
  for (let c = -h + step / 2; c < w; c += step) {
    const x1 = Math.max(0, c);
    const x2 = Math.min(w, c + h);
    if (x2 <= x1) continue;
    segments.push(`M${(x + x1).toFixed(1)} ${(y + h - (x1 - c)).toFixed(1)}L${(x + x2).toFixed(1)} ${(y + h - (x2 - c)).toFixed(1)}`);
  }
  return `${rect}<path d="${segments.join("")}" class="hatch-line"/>`;
}

/** The chart's <svg>, titled by its text alternative. */
export function chartSvg(chart: { id: string; alt: string }, className: string, width: number, height: number, parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${className}" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-labelledby="${chart.id}-title">`,
    `<title id="${chart.id}-title">${esc(chart.alt)}</title>`,
    ...parts,
    "</svg>",
  ].join("");
}

export function barChartSvg(chart: BarChart): string {
  const barH = chart.barHeight ?? 16;
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.values));
  const plotW = WIDTH - LABEL_W - 40;
  const rowH = chart.series.length * (barH + GAP) - GAP;
  const legendH = chart.series.length > 1 ? 28 : 0;
  const parts: string[] = [];
  if (legendH) {
    let x = LABEL_W;
    for (const s of chart.series) {
      parts.push(filledRect(seriesKind(s.key), x, 4, 14, 14));
      parts.push(`<text x="${x + 20}" y="15" class="legend">${esc(s.name)}</text>`);
      x += 34 + s.name.length * 6;
    }
  }
  let y0 = legendH;
  for (const row of chart.rows) {
    if (row.group !== undefined) {
      y0 += 6;
      parts.push(`<line x1="0" y1="${y0}" x2="${WIDTH}" y2="${y0}" class="group-rule"/>`);
      if (row.group) parts.push(`<text x="0" y="${y0 + 13}" class="group-label">${esc(row.group)}</text>`);
      y0 += row.group ? GROUP_H : 8;
    }
    const labelY = y0 + rowH / 2 + (row.sublabel ? -2 : 4);
    parts.push(`<text x="${LABEL_W - 10}" y="${labelY}" class="row-label" text-anchor="end">${esc(row.label)}</text>`);
    if (row.sublabel)
      parts.push(`<text x="${LABEL_W - 10}" y="${labelY + 12}" class="row-sublabel" text-anchor="end">${esc(row.sublabel)}</text>`);
    row.values.forEach((value, j) => {
      const y = y0 + j * (barH + GAP);
      const w = Math.max(value > 0 ? 2 : 0, (value / max) * plotW);
      parts.push(filledRect(seriesKind(row.key ?? chart.series[j].key), LABEL_W, y, w, barH));
      parts.push(`<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + barH - 3}" class="value">${value}</text>`);
    });
    y0 += rowH + ROW_GAP;
  }
  return chartSvg(chart, "chart", WIDTH, y0 - ROW_GAP + 4, parts);
}
