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
    `<defs><pattern id="${chart.id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" class="hatch-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern></defs>`,
  );
  if (legendH) {
    let x = LABEL_W;
    for (const s of chart.series) {
      const fill = s.kind === "b" ? ` fill="url(#${chart.id}-hatch)"` : "";
      parts.push(`<rect x="${x}" y="4" width="14" height="14" class="bar bar-${s.kind}"${fill}/>`);
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
      const fill = s.kind === "b" ? ` fill="url(#${chart.id}-hatch)"` : "";
      parts.push(`<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" class="bar bar-${s.kind}"${fill}/>`);
      parts.push(`<text x="${(LABEL_W + w + 6).toFixed(1)}" y="${y + BAR_H - 4}" class="value">${value}</text>`);
    });
  });
  parts.push("</svg>");
  return parts.join("");
}
