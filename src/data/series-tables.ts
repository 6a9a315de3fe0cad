// The series across every edition: each applicant's stages with their dates and
// the edition that first published them, and the counts per service model per
// edition. Computed by historyData(), as the history chart is.
import type { Edition } from "../manifest/edition-schema.js";
import { SERVICE_MODELS, STAGES } from "../manifest/primitives.js";
import { historyData } from "../sections/chart/history-data.js";
import { type DataLabels, word } from "./data-labels.js";
import { field, tableWords } from "./edition-tables.js";
import type { Row, Table } from "./table.js";

/** `editions`: one manifest per month (any language: the data are the same in both). */
export function seriesTables(editions: readonly Edition[], labels: DataLabels): Table[] {
  const history = historyData(editions);
  const stages: Row[] = history.changes.flatMap((c) =>
    c.steps.map((s) => ({
      provider_id: c.providerId,
      provider: c.provider,
      stage: s.stage,
      stage_label: word(labels.stage, s.stage, "stage"),
      date: s.date ?? null,
      edition: s.edition,
    })),
  );
  const counts: Row[] = history.months.flatMap((m) =>
    history.models.map((model) => ({ edition: m.id, model, applicants: m.applicants[model], qualified_offers: m.qualifiedOffers[model] })),
  );
  return [
    {
      name: "stages",
      ...tableWords(labels, "stages"),
      fields: [
        field(labels, "provider_id", "string", { required: true }),
        field(labels, "provider", "string", { required: true }),
        field(labels, "stage", "string", { key: "step_stage", enum: [...STAGES, "qualified"], required: true }),
        field(labels, "stage_label", "string", { required: true }),
        field(labels, "date", "date", { key: "step_date" }),
        field(labels, "edition", "yearmonth", { key: "step_edition", required: true }),
      ],
      rows: stages,
      primaryKey: ["provider_id", "stage"],
    },
    {
      name: "counts",
      ...tableWords(labels, "counts"),
      fields: [
        field(labels, "edition", "yearmonth", { required: true }),
        field(labels, "model", "string", { enum: SERVICE_MODELS, required: true }),
        field(labels, "applicants", "integer", { required: true }),
        field(labels, "qualified_offers", "integer", { required: true }),
      ],
      rows: counts,
      primaryKey: ["edition", "model"],
    },
  ];
}
