// The chart figures as rows: what the charts print, from the same chartData()
// the charts are drawn from, so the data cannot drift from the bars.
import type { ChartData } from "../sections/chart/chart-data.js";
import { type DataLabels, word } from "./data-labels.js";
import type { Row } from "./table.js";

export function figureRows(data: ChartData, labels: DataLabels): Row[] {
  const rows: Row[] = [];
  const add = (chart: string, series: string, model: string | null, unit: string, value: number) =>
    rows.push({ chart, series, series_label: word(labels.series, series, "series"), model, unit, value });
  for (const m of data.models) add("candidates", "applicants", m, "providers", data.candidates[m]);
  for (const unit of ["offers", "providers"] as const)
    for (const m of data.models) {
      add("scope", `${unit}-in-progress`, m, unit, data.scope[unit][m].in_progress);
      add("scope", `${unit}-qualified`, m, unit, data.scope[unit][m].qualified);
    }
  for (const [stage, n] of Object.entries(data.status.stages)) add("status", stage, null, "providers", n);
  add("status", "unpublished", null, "providers", data.status.unpublished);
  add("status", "qualified-providers", null, "providers", data.status.qualified);
  return rows;
}
