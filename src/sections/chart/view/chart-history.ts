// The history figure as small multiples: one panel per service model, each a
// time series over the months from the first edition to this one, applicants
// and qualified offers as two lines with a point per edition. A time axis keeps
// the gaps between editions true, and the form holds from 2 to 36 editions and
// more: month labels are thinned to what their measured widths allow, and only
// the last value of each line is printed. Every panel shares one vertical
// scale, so the models compare at a glance.
import Handlebars from "handlebars";
import { textWidth } from "../../../render/text-width.js";
import { chartSvg, type SeriesKey, seriesKind } from "./chart-svg.js";

export interface HistoryPanel {
  label: string;
  /** One value per series for each edition, keyed by its month index on the axis. */
  points: { month: number; values: number[] }[];
}

export interface HistoryChart {
  id: string;
  alt: string;
  series: { name: string; key: SeriesKey }[];
  /** Months on the axis, first to last; `label(i)` is the i-th month's short label. */
  months: number;
  label: (month: number) => string;
  panels: HistoryPanel[];
}

const esc = Handlebars.escapeExpression;
const WIDTH = 480;
const COLS = 2;
const COL_GAP = 28;
const PANEL_W = (WIDTH - COL_GAP * (COLS - 1)) / COLS;
const AXIS_W = 20; // the scale's numbers, left of each plot
const END_W = 18; // the last values, right of each plot
const PLOT_H = 64;
const TITLE_H = 16;
const TICKS_H = 16;
const PANEL_H = TITLE_H + PLOT_H + TICKS_H;
const ROW_GAP = 14;
const LEGEND_H = 24;
const LABEL_SIZE = 8;
const LABEL_GAP = 6; // the least white between two month labels
/** Thinning steps, in months: a label every month, every 2, every quarter, every half-year, every year… */
const STEPS = [1, 2, 3, 4, 6, 12, 24, 36, 60, 120];

const num = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** A round top for the shared scale and the step of its three grid lines. */
export function niceScale(max: number): { top: number; step: number } {
  const raw = Math.max(1, max) / 2;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw && Number.isInteger(s)) ?? 10 * magnitude;
  return { top: step * 2, step };
}

/**
 * Which months carry a label: the smallest step (from the first month) at which
 * no two labels, measured, come closer than LABEL_GAP, and none leaves the panel.
 */
export function monthTicks(months: number, plotW: number, label: (m: number) => string): { month: number; x: number }[] {
  const x = (m: number) => (months <= 1 ? plotW / 2 : (m / (months - 1)) * plotW);
  for (const step of STEPS) {
    const ticks: { month: number; x: number; w: number }[] = [];
    for (let m = 0; m < months; m += step) ticks.push({ month: m, x: x(m), w: textWidth(label(m), LABEL_SIZE) });
    const placed = ticks.map((t) => ({ ...t, x: clamp(t.x, t.w / 2 - AXIS_W + 2, plotW + END_W - t.w / 2) }));
    const fits = placed.every((t, i) => i === 0 || t.x - t.w / 2 - (placed[i - 1].x + placed[i - 1].w / 2) >= LABEL_GAP);
    if (fits) return placed.map(({ month, x: at }) => ({ month, x: at }));
  }
  return [{ month: 0, x: clamp(x(0), 0, plotW) }];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

function panelSvg(chart: HistoryChart, panel: HistoryPanel, left: number, top: number, scale: { top: number; step: number }): string[] {
  const plotW = PANEL_W - AXIS_W - END_W;
  const x0 = left + AXIS_W;
  const y0 = top + TITLE_H;
  const base = y0 + PLOT_H;
  const xOf = (m: number) => x0 + (chart.months <= 1 ? plotW / 2 : (m / (chart.months - 1)) * plotW);
  const yOf = (v: number) => base - (v / scale.top) * PLOT_H;
  const parts = [`<text x="${num(left)}" y="${top + 10}" class="panel-label">${esc(panel.label)}</text>`];
  for (let v = 0; v <= scale.top; v += scale.step) {
    const y = num(yOf(v));
    parts.push(`<line x1="${num(x0)}" y1="${y}" x2="${num(x0 + plotW)}" y2="${y}" class="${v === 0 ? "axis-rule" : "grid-rule"}"/>`);
    parts.push(`<text x="${num(x0 - 4)}" y="${num(yOf(v) + 3)}" class="axis-label" text-anchor="end">${v}</text>`);
  }
  for (const t of monthTicks(chart.months, plotW, chart.label)) {
    parts.push(`<line x1="${num(xOf(t.month))}" y1="${base}" x2="${num(xOf(t.month))}" y2="${base + 3}" class="axis-rule"/>`);
    parts.push(`<text x="${num(x0 + t.x)}" y="${base + 12}" class="axis-label" text-anchor="middle">${esc(chart.label(t.month))}</text>`);
  }
  const ends: { y: number; value: number; key: SeriesKey }[] = [];
  chart.series.forEach((s, si) => {
    const kind = seriesKind(s.key);
    const pts = panel.points.map((p) => [xOf(p.month), yOf(p.values[si])] as const);
    if (pts.length > 1)
      parts.push(`<path d="${pts.map(([x, y], i) => `${i ? "L" : "M"}${num(x)} ${num(y)}`).join("")}" class="line line-${kind}"/>`);
    for (const [x, y] of pts)
      parts.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${pts.length > 12 ? 1.3 : 1.8}" class="dot dot-${kind}"/>`);
    const last = panel.points[panel.points.length - 1];
    if (last) ends.push({ y: yOf(last.values[si]), value: last.values[si], key: s.key });
  });
  // The last values beside the last points, pushed apart when the lines end close together.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) if (ends[i].y - ends[i - 1].y < 9) ends[i].y = ends[i - 1].y + 9;
  // Never below the zero line, where the month labels are: the group moves up instead.
  const over = ends.length ? ends[ends.length - 1].y - yOf(0) : 0;
  if (over > 0) for (const e of ends) e.y -= over;
  const lastX = panel.points.length ? xOf(panel.points[panel.points.length - 1].month) : x0;
  for (const e of ends)
    parts.push(`<text x="${num(lastX + 4)}" y="${num(e.y + 3)}" class="end-value end-${seriesKind(e.key)}">${e.value}</text>`);
  return parts;
}

export function historyChartSvg(chart: HistoryChart): string {
  const max = Math.max(0, ...chart.panels.flatMap((p) => p.points.flatMap((pt) => pt.values)));
  const scale = niceScale(max);
  const parts: string[] = [];
  let lx = 0;
  for (const s of chart.series) {
    const kind = seriesKind(s.key);
    parts.push(`<line x1="${lx}" y1="10" x2="${lx + 16}" y2="10" class="line line-${kind}"/>`);
    parts.push(`<circle cx="${lx + 8}" cy="10" r="1.8" class="dot dot-${kind}"/>`);
    parts.push(`<text x="${lx + 22}" y="13" class="legend">${esc(s.name)}</text>`);
    lx += 22 + textWidth(s.name, 10) + 18;
  }
  chart.panels.forEach((panel, i) => {
    const left = (i % COLS) * (PANEL_W + COL_GAP);
    const top = LEGEND_H + Math.floor(i / COLS) * (PANEL_H + ROW_GAP);
    parts.push(...panelSvg(chart, panel, left, top, scale));
  });
  const rows = Math.max(1, Math.ceil(chart.panels.length / COLS));
  return chartSvg(chart, "chart chart-history-panels", WIDTH, LEGEND_H + rows * PANEL_H + (rows - 1) * ROW_GAP + 2, parts);
}
