// Chooses the bars of each chart kind from the computed numbers and writes, in
// the edition's language, what the chart counts, its text alternative (the same
// numbers as the bars) and, for an edition that publishes no stage, the sentence
// printed instead of bars of zero.
import type { Edition } from "../../../manifest/edition-schema.js";
import { type Language, STAGES } from "../../../manifest/primitives.js";
import { fill } from "../../fill.js";
import type { Labels } from "../../labels.js";
import { anyStagePublished, type ChartData } from "../chart-data.js";
import type { HistoryData } from "../history-data.js";
import { historyChartSvg } from "./chart-history.js";
import { type BarChart, barChartSvg } from "./chart-svg.js";

type ChartSection = Extract<Edition["sections"][number], { type: "chart" }>;

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/** "A, B and C" / "A, B et C". */
export const listInText = (items: string[], language: Language) =>
  new Intl.ListFormat(LOCALES[language], { type: "conjunction" }).format(items);

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

export { fill };

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
  const names = listInText(s.qualifiedAndApplying, language);
  const both = s.qualifiedAndApplying.length;
  const remarks = both ? [fill(both === 1 ? c.status_both_one : c.status_both, { names }, language)] : [];
  const counts = { applicants: s.applicants, qualified: s.qualified, carried: s.carried };
  if (!s.applicants)
    return { what: c.status_what, sentence: fill(c.status_no_applicants, counts, language), remark: remarks.join(" ") || undefined };
  if (!anyStagePublished(s))
    return { what: c.status_what, sentence: fill(c.status_none, counts, language), remark: remarks.join(" ") || undefined };
  if (s.carried) {
    const editions = listInText(
      s.carriedFrom.map((e) => monthInText(e, language)),
      language,
    );
    remarks.unshift(fill(c.status_carried, { ...counts, editions }, language));
  }
  const alt = fill(
    c.status_alt,
    {
      list: listOf([...STAGES.map((k) => [k, s.stages[k]] as [string, number]), [c.status_unpublished, s.unpublished]]),
      qualified: s.qualified,
    },
    language,
  );
  const chart: BarChart = {
    id: anchor,
    alt,
    series: [{ name: c.applicants, key: "applying" }],
    rows: [
      ...STAGES.map((k) => ({ label: k, values: [s.stages[k]] })),
      { label: c.status_unpublished, values: [s.unpublished], key: "unpublished" as const, group: "" },
      { label: c.status_qualified, values: [s.qualified], key: "qualified" as const, group: c.status_apart },
    ],
  };
  return { what: s.carried ? c.status_what_carried : c.status_what, svg: barChartSvg(chart), remark: remarks.join(" ") || undefined };
}

function historyFigure(anchor: string, history: HistoryData, c: Labels["charts"], language: Language): ChartFigure {
  const month = (id: string) => monthInText(id, language);
  const index = (id: string) => {
    const [y, m] = id.split("-").map(Number);
    return y * 12 + m - 1;
  };
  const first = history.months[0]?.id ?? "";
  const last = history.months[history.months.length - 1]?.id ?? "";
  const start = first ? index(first) : 0;
  const format = new Intl.DateTimeFormat(LOCALES[language], { month: "short", year: "2-digit", timeZone: "UTC" });
  const short = (i: number) => format.format(new Date(Date.UTC(Math.floor((start + i) / 12), (start + i) % 12, 1)));
  const alt = fill(
    c.history_alt,
    {
      list: history.models
        .map(
          (m) =>
            `${m}${colon(language)}${history.months.map((h) => `${month(h.id)} ${h.applicants[m]} / ${h.qualifiedOffers[m]}`).join(", ")}`,
        )
        .join("; "),
    },
    language,
  );
  const svg = historyChartSvg({
    id: anchor,
    alt,
    series: [
      { name: c.history_applicants, key: "applying" },
      { name: c.history_qualified, key: "qualified" },
    ],
    months: first ? index(last) - start + 1 : 1,
    label: short,
    panels: history.models.map((m) => ({
      label: m,
      points: history.months.map((h) => ({ month: index(h.id) - start, values: [h.applicants[m], h.qualifiedOffers[m]] })),
    })),
  });
  const editions = history.months.length;
  const span = first ? index(last) - start + 1 : 0;
  const remark = fill(
    editions <= 1 ? c.history_months_one : editions === span ? c.history_months : c.history_months_gaps,
    { first: month(first), last: month(last), editions, gaps: span - editions },
    language,
  );
  return { what: c.history_what, svg, remark };
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
      alt: fill(c.candidates_alt, { list: listOf(models.map((m) => [m, data.candidates[m]])) }, language),
      series: [{ name: c.applicants, key: "applying" }],
      rows: models.map((m) => ({ label: m, values: [data.candidates[m]] })),
    };
    return { what: c.candidates_what, svg: barChartSvg(chart) };
  }
  const unit = section.unit ?? "offers";
  const counts = data.scope[unit];
  const names = { in_progress: c[`scope_${unit}_in_progress`], qualified: c[`scope_${unit}_qualified`] };
  const chart: BarChart = {
    id: anchor,
    alt: fill(
      c.scope_alt,
      { ...names, list: listOf(models.map((m) => [m, `${counts[m].in_progress} / ${counts[m].qualified}`])) },
      language,
    ),
    series: [
      { name: names.in_progress, key: "applying" },
      { name: names.qualified, key: "qualified" },
    ],
    rows: models.map((m) => ({ label: m, values: [counts[m].in_progress, counts[m].qualified] })),
  };
  return { what: c[`scope_${unit}_what`], svg: barChartSvg(chart) };
}
