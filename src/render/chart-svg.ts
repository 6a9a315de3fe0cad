// Inline SVG bar charts. Series differ by pattern as well as colour, so the
// charts still read when the edition is printed in black and white.
import Handlebars from "handlebars";

export interface BarSeries {
  name: string;
  /** CSS class for the fill: bar-a (solid) or bar-b (hatched). */
  kind: "a" | "b";
}

export interface BarRow {
  label: string;
  sublabel?: string;
  values: number[];
}

export interface BarChart {
  id: string;
  alt: string;
  series: BarSeries[];
  rows: BarRow[];
}

const esc = Handlebars.escapeExpression;
const WIDTH = 480;
const LABEL_W = 150;
const BAR_H = 16;
const GAP = 4;
const ROW_GAP = 14;

/**
 * A bar: solid, or outlined and hatched. The hatching is drawn as plain lines
 * rather than an SVG <pattern>, which Chromium's PDF backend turns into a
 * low-resolution bitmap.
 */
function bar(kind: "a" | "b", x: number, y: number, w: number, h: number): string {
  const rect = `<rect x="${x}" y="${y}" width="${w.toFixed(1)}" height="${h}" class="bar bar-${kind}"/>`;
  if (kind === "a" || w <= 0) return rect;
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

export function barChartSvg(chart: BarChart): string {
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.values));
  const plotW = WIDTH - LABEL_W - 40;
  const rowH = chart.series.length * (BAR_H + GAP) - GAP;
  const legendH = chart.series.length > 1 ? 28 : 0;
  const height = legendH + chart.rows.length * (rowH + ROW_GAP);
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${chart.id}-title">`,
    `<title id="${chart.id}-title">${esc(chart.alt)}</title>`,
  );
  if (legendH) {
    let x = LABEL_W;
    for (const s of chart.series) {
      parts.push(bar(s.kind, x, 4, 14, 14));
      parts.push(`<text x="${x + 20}" y="15" class="legend">${esc(s.name)}</text>`);
      x += 28 + s.name.length * 7.5;
    }
  }
  chart.rows.forEach((row, i) => {
    const y0 = legendH + i * (rowH + ROW_GAP);
    const labelY = y0 + rowH / 2 + (row.sublabel ? -2 : 4);
    parts.push(`<text x="${LABEL_W - 10}" y="${labelY}" class="row-label" text-anchor="end">${esc(row.label)}</text>`);
    if (row.sublabel)
      parts.push(`<text x="${LABEL_W - 10}" y="${labelY + 12}" class="row-sublabel" text-anchor="end">${esc(row.sublabel)}</text>`);
    row.values.forEach((value, j) => {
      const s = chart.series[j];
      const y = y0 + j * (BAR_H + GAP);
      const w = Math.max(value > 0 ? 2 : 0, (value / max) * plotW);
      parts.push(bar(s.kind, LABEL_W, y, w, BAR_H));
      parts.push(`<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + BAR_H - 4}" class="value">${value}</text>`);
    });
  });
  parts.push("</svg>");
  return parts.join("");
}
