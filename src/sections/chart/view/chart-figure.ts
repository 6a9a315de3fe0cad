// What the chart partial prints around a figure: its number, what it counts,
// the bars or the sentence that replaces them, and the source line, printed once
// under the last figure of a run of charts that share a source.
import Handlebars from "handlebars";
import type { Edition } from "../../../manifest/edition-schema.js";
import { formatDate } from "../../../render/format.js";
import { fill } from "../../fill.js";
import type { Labels } from "../../labels.js";
import type { ChartData } from "../chart-data.js";
import { type HistoryData, historyData } from "../history-data.js";
import { chartFigure, listInText, monthInText, stageLabels } from "./chart-view.js";

type ChartSection = Extract<Edition["sections"][number], { type: "chart" }>;

interface FigureContext {
  edition: Edition;
  labels: Labels;
  anchor: string;
  charts: ChartData;
  history?: HistoryData;
  providerName: (id: string) => string;
}

/** The table of applicants (candidates, scope, status) or the earlier editions (history). */
const sourceOf = (s: ChartSection) => (s.chart === "history" ? "history" : "table");

/** Figure number of the section, and the source line if it closes its run. */
function numbering(section: ChartSection, ctx: FigureContext) {
  const sections = ctx.edition.sections;
  const index = sections.indexOf(section);
  const numberAt = (i: number) => sections.slice(0, i + 1).filter((s) => s.type === "chart").length;
  const sameRun = (i: number) => sections[i]?.type === "chart" && sourceOf(sections[i] as ChartSection) === sourceOf(section);
  let start = index;
  while (sameRun(start - 1)) start -= 1;
  const number = numberAt(index);
  if (sameRun(index + 1)) return { number };
  const c = ctx.labels.charts;
  const history = ctx.history?.months ?? [];
  const lang = ctx.edition.edition.language;
  const first = monthInText(history[0]?.id ?? ctx.edition.edition.id, lang);
  const last = monthInText(history[history.length - 1]?.id ?? ctx.edition.edition.id, lang);
  // A run that holds the status chart also draws on the earlier editions whose stages it carries.
  const status = ctx.charts.status;
  const carries = sections.slice(start, index + 1).some((s) => s.type === "chart" && s.chart === "status") && status.carried > 0;
  const editions = listInText(
    status.carriedFrom.map((e) => monthInText(e, lang)),
    lang,
  );
  const what =
    sourceOf(section) === "table"
      ? carries
        ? fill(c.source_table_carried, { editions, n: status.carriedFrom.length }, lang)
        : c.source_table
      : first === last
        ? fill(c.source_history_one, { first }, lang)
        : fill(c.source_history, { first, last }, lang);
  const from = numberAt(start);
  const source = from === number ? fill(c.source_one, { n: number, what }, lang) : fill(c.source_many, { from, to: number, what }, lang);
  return { number, source };
}

function stageChanges(history: HistoryData, ctx: FigureContext) {
  const lang = ctx.edition.edition.language;
  const c = ctx.labels.charts;
  return history.changes.map((change) => ({
    provider: change.provider,
    steps: change.steps.map((step) => ({
      stage: step.stage === "qualified" ? c.changes_qualified : step.stage,
      when: step.date ? formatDate(step.date, lang) : fill(c.changes_edition, { edition: monthInText(step.edition, lang) }, lang),
    })),
  }));
}

export function chartFigureView(section: ChartSection, ctx: FigureContext) {
  const lang = ctx.edition.edition.language;
  // A caller that did not load the earlier editions (historyEditionsFor) gets the history of this
  // edition alone, and the source line says so: nothing is made up.
  const history = ctx.history ?? historyData([ctx.edition]);
  const figure = chartFigure(section, ctx.anchor, ctx.charts, ctx.labels, history, lang);
  const legend =
    section.chart === "status" && figure.svg
      ? Object.entries(stageLabels(ctx.edition, ctx.labels))
          .filter(([k]) => k !== "unknown")
          .map(([stage, label]) => ({ stage, label }))
      : [];
  const changes =
    section.chart === "history" && section.stage_changes !== false && ctx.history ? stageChanges(ctx.history, ctx) : undefined;
  return {
    ...numbering(section, { ...ctx, history }),
    figureLabel: fill(ctx.labels.charts.figure, { n: numbering(section, ctx).number }),
    what: figure.what,
    svg: figure.svg && new Handlebars.SafeString(figure.svg),
    sentence: figure.sentence,
    remark: figure.remark,
    legend,
    highlight: (section.highlight ?? []).map(ctx.providerName),
    changes,
  };
}
