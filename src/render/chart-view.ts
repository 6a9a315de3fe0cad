// Chooses the bars of each chart kind from the computed numbers and writes, in
// the edition's language, what the chart counts, its text alternative (the same
// numbers as the bars) and, for an edition that publishes no stage, the sentence
// printed instead of bars of zero.
import type { Edition } from "../manifest/edition-schema.js";
import { type Language, STAGES } from "../manifest/primitives.js";
import { columnChartSvg } from "./chart-columns.js";
import { anyStagePublished, type ChartData } from "./chart-data.js";
import { type BarChart, barChartSvg } from "./chart-svg.js";
import type { HistoryData } from "./history-data.js";
import type { Labels } from "./labels.js";

type ChartSection = Extract<Edition["sections"][number], { type: "chart" }>;

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

export interface ChartFigure {
  /** What is counted and in which unit, printed under the title. */
  what: string;
  /** The SVG, when there is something to draw. */
  svg?: string;
  /** Printed instead of the bars (status chart of an edition without any published stage). */
  sentence?: string;
  /** A line under the chart (who is counted twice, months without an edition). */
  remark?: string;
}

/** "2025-12" -> "décembre 2025" / "December 2025": a month inside a sentence (formatDate capitalises a lone French month). */
export function monthInText(id: string, language: Language): string {
  const [y, m] = id.split("-").map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** "IaaS: …" / "IaaS : …" */
const colon = (language: Language) => (language === "fr" ? " : " : ": ");

/** Fills {{name}} slots of a label. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** J0–J3 labels as this edition's procedure prints them, for the status chart's legend. */
export function stageLabels(edition: Edition, labels: Labels): Record<string, string> {
  const procedure = edition.sections.find((s) => s.type === "procedure");
  const fromEdition =
    procedure?.type === "procedure" ? Object.fromEntries(procedure.steps.map((s) => [s.stage, s.label.replace(/\*/g, "")])) : {};
  return { ...labels.stages, ...fromEdition };
}

const listOf = (pairs: [string, string | number][]) => pairs.map(([k, v]) => `${k} ${v}`).join(", ");

function statusFigure(anchor: string, data: ChartData, c: Labels["charts"], language: Language): ChartFigure {
  const s = data.status;
  const names = new Intl.ListFormat(LOCALES[language], { type: "conjunction" }).format(s.qualifiedAndApplying);
  const both = s.qualifiedAndApplying.length;
  const remark = both ? fill(both === 1 ? c.status_both_one : c.status_both, { names }) : undefined;
  if (!anyStagePublished(s))
    return { what: c.status_what, sentence: fill(c.status_none, { applicants: s.applicants, qualified: s.qualified }), remark };
  const alt = fill(c.status_alt, {
    list: listOf([...STAGES.map((k) => [k, s.stages[k]] as [string, number]), [c.status_unpublished, s.unpublished]]),
    qualified: s.qualified,
  });
  const chart: BarChart = {
    id: anchor,
    alt,
    series: [{ name: c.applicants, kind: "a" }],
    rows: [
      ...STAGES.map((k) => ({ label: k, values: [s.stages[k]] })),
      { label: c.status_unpublished, values: [s.unpublished], kind: "c" as const, group: "" },
      { label: c.status_qualified, values: [s.qualified], kind: "d" as const, group: c.status_apart },
    ],
  };
  return { what: c.status_what, svg: barChartSvg(chart), remark };
}

function historyFigure(anchor: string, history: HistoryData, c: Labels["charts"], language: Language): ChartFigure {
  const month = (id: string) => monthInText(id, language);
  const short = (id: string) => {
    const [y, m] = id.split("-").map(Number);
    const format = new Intl.DateTimeFormat(LOCALES[language], { month: "short", year: "2-digit", timeZone: "UTC" });
    return format.format(new Date(Date.UTC(y, m - 1, 1)));
  };
  const alt = fill(c.history_alt, {
    list: history.models
      .map(
        (m) =>
          `${m}${colon(language)}${history.months.map((h) => `${month(h.id)} ${h.applicants[m]} / ${h.qualifiedOffers[m]}`).join(", ")}`,
      )
      .join("; "),
  });
  const svg = columnChartSvg({
    id: anchor,
    alt,
    series: [
      { name: c.history_applicants, kind: "a" },
      { name: c.history_qualified, kind: "b" },
    ],
    groups: history.models.map((m) => ({
      label: m,
      columns: history.months.map((h) => ({ label: short(h.id), values: [h.applicants[m], h.qualifiedOffers[m]] })),
    })),
  });
  const first = history.months[0]?.id ?? "";
  const last = history.months[history.months.length - 1]?.id ?? "";
  return { what: c.history_what, svg, remark: fill(c.history_months, { first: month(first), last: month(last) }) };
}

export function chartFigure(
  section: ChartSection,
  anchor: string,
  data: ChartData,
  labels: Labels,
  history: HistoryData,
  language: Language,
): ChartFigure {
  const c = labels.charts;
  const models = data.models;
  if (section.chart === "status") return statusFigure(anchor, data, c, language);
  if (section.chart === "history") {
    return historyFigure(anchor, history, c, language);
  }
  if (section.chart === "candidates") {
    const chart: BarChart = {
      id: anchor,
      alt: fill(c.candidates_alt, { list: listOf(models.map((m) => [m, data.candidates[m]])) }),
      series: [{ name: c.applicants, kind: "a" }],
      rows: models.map((m) => ({ label: m, values: [data.candidates[m]] })),
    };
    return { what: c.candidates_what, svg: barChartSvg(chart) };
  }
  const unit = section.unit ?? "offers";
  const counts = data.scope[unit];
  const names = { in_progress: c[`scope_${unit}_in_progress`], qualified: c[`scope_${unit}_qualified`] };
  const chart: BarChart = {
    id: anchor,
    alt: fill(c.scope_alt, {
      ...names,
      list: listOf(models.map((m) => [m, `${counts[m].in_progress} / ${counts[m].qualified}`])),
    }),
    series: [
      { name: names.in_progress, kind: "b" },
      { name: names.qualified, kind: "a" },
    ],
    rows: models.map((m) => ({ label: m, values: [counts[m].in_progress, counts[m].qualified] })),
  };
  return { what: c[`scope_${unit}_what`], svg: barChartSvg(chart) };
}
