// Grouped column chart for the history figure: one group per service model,
// one pair of columns per month inside it. Columns keep the whole history on a
// third of a page where horizontal bars took a page. Same fills as the bar
// charts (solid, hatched), so it reads in black and white.
import Handlebars from "handlebars";
import { type BarSeries, chartSvg, filledRect } from "./chart-svg.js";

export interface ColumnGroup {
  label: string;
  /** One entry per column position (month): its short label and one value per series. */
  columns: { label: string; values: number[] }[];
}

export interface ColumnChart {
  id: string;
  alt: string;
  series: BarSeries[];
  groups: ColumnGroup[];
}

const esc = Handlebars.escapeExpression;
const WIDTH = 480;
const PLOT_H = 110;
const TOP = 40; // legend and room for the value over the tallest column
const GROUP_GAP = 18;
const PAIR_GAP = 5;

export function columnChartSvg(chart: ColumnChart): string {
  const max = Math.max(1, ...chart.groups.flatMap((g) => g.columns.flatMap((c) => c.values)));
  const perGroup = Math.max(1, ...chart.groups.map((g) => g.columns.length));
  const n = chart.series.length;
  const groupW = (WIDTH - GROUP_GAP * (chart.groups.length - 1)) / Math.max(1, chart.groups.length);
  const pairW = groupW / perGroup;
  const barW = Math.max(2, (pairW - PAIR_GAP) / n);
  // Month labels only where they fit: every k-th column when months are many.
  const every = Math.max(1, Math.ceil(26 / pairW));
  const base = TOP + PLOT_H;
  const parts: string[] = [];
  let lx = 0;
  for (const s of chart.series) {
    parts.push(filledRect(s.kind, lx, 4, 12, 12), `<text x="${lx + 18}" y="15" class="legend">${esc(s.name)}</text>`);
    lx += 40 + s.name.length * 6;
  }
  chart.groups.forEach((g, gi) => {
    const gx = gi * (groupW + GROUP_GAP);
    g.columns.forEach((c, ci) => {
      const cx = gx + ci * pairW;
      c.values.forEach((v, si) => {
        const x = cx + si * barW;
        const h = (v / max) * PLOT_H;
        const drawn = v > 0 ? Math.max(1.5, h) : 0;
        parts.push(filledRect(chart.series[si].kind, x, base - drawn, barW - 1, drawn));
        parts.push(
          `<text x="${(x + (barW - 1) / 2).toFixed(1)}" y="${(base - h - 3).toFixed(1)}" class="col-value" text-anchor="middle">${v}</text>`,
        );
      });
      if (ci % every === 0)
        parts.push(
          `<text x="${(cx + (n * barW - 1) / 2).toFixed(1)}" y="${base + 11}" class="col-label" text-anchor="middle">${esc(c.label)}</text>`,
        );
    });
    parts.push(`<line x1="${gx.toFixed(1)}" y1="${base}" x2="${(gx + groupW - PAIR_GAP).toFixed(1)}" y2="${base}" class="group-rule"/>`);
    parts.push(
      `<text x="${(gx + (groupW - PAIR_GAP) / 2).toFixed(1)}" y="${base + 26}" class="row-label" text-anchor="middle">${esc(g.label)}</text>`,
    );
  });
  return chartSvg(chart, "chart chart-columns", WIDTH, base + 32, parts);
}
