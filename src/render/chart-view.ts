// Chooses the bars of each chart kind from the computed numbers and writes
// the chart's text alternative in the edition's language.
import type { Edition } from "../manifest/edition-schema.js";
import { STAGES } from "../manifest/primitives.js";
import type { ChartData } from "./chart-data.js";
import { type BarChart, barChartSvg } from "./chart-svg.js";
import type { Labels } from "./labels.js";

type ChartSection = Extract<Edition["sections"][number], { type: "chart" }>;

/** J0–J3 labels as this edition's procedure prints them, for the status chart's legend. */
export function stageLabels(edition: Edition, labels: Labels): Record<string, string> {
  const procedure = edition.sections.find((s) => s.type === "procedure");
  const fromEdition =
    procedure?.type === "procedure" ? Object.fromEntries(procedure.steps.map((s) => [s.stage, s.label.replace(/\*/g, "")])) : {};
  return { ...labels.stages, ...fromEdition };
}

export function chartSvg(section: ChartSection, anchor: string, data: ChartData, labels: Labels): string {
  const models = data.models;
  let chart: BarChart;
  if (section.chart === "candidates") {
    chart = {
      id: anchor,
      alt: "",
      series: [{ name: labels.charts.providers, kind: "a" }],
      rows: models.map((m) => ({ label: m, values: [data.candidates[m]] })),
    };
    chart.alt = labels.charts.candidates_alt.replace("{{list}}", models.map((m) => `${m} ${data.candidates[m]}`).join(", "));
  } else if (section.chart === "scope") {
    const names = section.series ?? { in_progress: labels.providers.in_progress, qualified: labels.providers.qualified };
    chart = {
      id: anchor,
      alt: labels.charts.scope_alt.replace(
        "{{list}}",
        models.map((m) => `${m} ${data.scope[m].in_progress} / ${data.scope[m].qualified}`).join(", ") +
          ` (${names.in_progress} / ${names.qualified})`,
      ),
      series: [
        { name: names.in_progress, kind: "b" },
        { name: names.qualified, kind: "a" },
      ],
      rows: models.map((m) => ({ label: m, values: [data.scope[m].in_progress, data.scope[m].qualified] })),
    };
  } else {
    const keys = [...STAGES, "unknown"] as const;
    chart = {
      id: anchor,
      alt: labels.charts.status_alt.replace(
        "{{list}}",
        keys.map((k) => `${k === "unknown" ? labels.stages.unknown : k} ${data.status[k]}`).join(", "),
      ),
      series: [{ name: labels.charts.providers, kind: "a" }],
      rows: keys.map((k) => ({ label: k === "unknown" ? labels.stages.unknown : k, values: [data.status[k]] })),
    };
  }
  return barChartSvg(chart);
}
