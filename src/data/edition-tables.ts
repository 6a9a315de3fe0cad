// One edition's model -> the tables of its open data: providers, sources, PaaS
// matrix and chart figures. Ids and values come from the manifest as they are
// (the same in both languages of a month); only labels and titles are in the
// edition's language. A value not known ({ unknown: … }, or absent) is null.
import type { Edition } from "../manifest/edition-schema.js";
import { plainText } from "../manifest/markup.js";
import { isPlaceholder } from "../manifest/placeholder.js";
import { SERVICE_MODELS, STAGES } from "../manifest/primitives.js";
import { providerId } from "../manifest/references.js";
import { slug } from "../manifest/slug.js";
import { chartData } from "../sections/chart/chart-data.js";
import { CELL_STATES } from "../sections/paas-zoom.js";
import { type DataLabels, word } from "./data-labels.js";
import { figureRows } from "./figure-rows.js";
import type { Field, Row, Table } from "./table.js";

const known = (v: string | undefined): string | null => (v === undefined || isPlaceholder(v) ? null : v);
const text = (v: string | undefined): string | null => (v === undefined ? null : plainText(v));

export const STATUSES = ["in-progress", "qualified"] as const;

export function tableWords(labels: DataLabels, name: string) {
  const t = labels.tables[name];
  if (!t) throw new Error(`templates/data: no title for the table "${name}"`);
  return t;
}

/** A field whose description is the labels' `fields[key]`. */
export function field(labels: DataLabels, name: string, type: Field["type"], extra: Partial<Field> & { key?: string } = {}): Field {
  const { key, ...rest } = extra;
  return { name, type, description: word(labels.fields, key ?? name, "field"), ...rest };
}

function providersTable(edition: Edition, labels: DataLabels): Table {
  const id = edition.edition.id;
  const rows: Row[] = [];
  for (const section of edition.sections) {
    if (section.type !== "providers") continue;
    for (const m of section.models)
      for (const status of STATUSES)
        for (const row of status === "in-progress" ? m.in_progress : m.qualified) {
          const offer = known(row.offer);
          rows.push({
            edition: id,
            model: m.model,
            status,
            status_label: word(labels.status, status, "status"),
            provider_id: providerId(row),
            provider: row.provider,
            offer_id: row.offer_id ?? (offer === null ? null : slug(offer)),
            offer,
            stage: row.stage ?? null,
            stage_label: row.stage ? word(labels.stage, row.stage, "stage") : null,
            since: known(row.since),
            source_id: row.source ?? null,
          });
        }
  }
  return {
    name: "providers",
    ...tableWords(labels, "providers"),
    fields: [
      field(labels, "edition", "yearmonth", { required: true }),
      field(labels, "model", "string", { enum: SERVICE_MODELS, required: true }),
      field(labels, "status", "string", { enum: STATUSES, required: true }),
      field(labels, "status_label", "string", { required: true }),
      field(labels, "provider_id", "string", { required: true }),
      field(labels, "provider", "string", { required: true }),
      field(labels, "offer_id", "string"),
      field(labels, "offer", "string"),
      field(labels, "stage", "string", { enum: STAGES }),
      field(labels, "stage_label", "string"),
      field(labels, "since", "date"),
      field(labels, "source_id", "string"),
    ],
    rows,
    primaryKey: ["edition", "model", "status", "provider_id", "offer_id"],
    foreignKeys: [{ fields: ["source_id"], reference: { resource: "sources", fields: ["id"] } }],
  };
}

function sourcesTable(edition: Edition, labels: DataLabels): Table {
  const rows: Row[] = edition.sections.flatMap((s) =>
    s.type !== "sources"
      ? []
      : s.items.map((item) => ({
          id: item.id ?? null,
          title: plainText(item.title),
          kind: item.kind ?? null,
          publisher: item.publisher ?? null,
          version: item.version ?? null,
          date: item.date ?? null,
          url: item.url ?? null,
          about: item.about ?? null,
        })),
  );
  return {
    name: "sources",
    ...tableWords(labels, "sources"),
    fields: [
      field(labels, "id", "string", { key: "source_id_row" }),
      field(labels, "title", "string", { required: true }),
      field(labels, "kind", "string"),
      field(labels, "publisher", "string"),
      field(labels, "version", "string"),
      field(labels, "date", "string", { pattern: "\\d{4}-\\d{2}(-\\d{2})?" }),
      field(labels, "url", "string"),
      field(labels, "about", "string"),
    ],
    rows,
  };
}

function paasTable(edition: Edition, labels: DataLabels): Table {
  const rows: Row[] = [];
  for (const s of edition.sections) {
    if (s.type !== "paas-zoom") continue;
    for (const m of s.matrix) {
      const pillar = s.pillars.find((p) => p.id === m.pillar);
      for (const offer of s.offers) {
        if (!(offer.id in m.cells)) continue;
        const cell = m.cells[offer.id];
        const state = cell?.state ?? "unavailable";
        rows.push({
          offer_id: offer.id,
          offer: known(offer.name),
          provider_id: offer.provider_id ?? null,
          qualified: offer.qualified,
          pillar_id: m.pillar,
          pillar: text(pillar?.row_label),
          stage: cell?.stage ?? null,
          state,
          state_label: word(labels.state, state, "state"),
        });
      }
    }
  }
  return {
    name: "paas-matrix",
    ...tableWords(labels, "paas-matrix"),
    fields: [
      field(labels, "offer_id", "string", { key: "paas_offer_id", required: true }),
      field(labels, "offer", "string", { key: "paas_offer" }),
      field(labels, "provider_id", "string", { key: "paas_provider_id" }),
      field(labels, "qualified", "boolean", { required: true }),
      field(labels, "pillar_id", "string", { required: true }),
      field(labels, "pillar", "string"),
      field(labels, "stage", "integer", { key: "maturity", enum: [1, 2] }),
      field(labels, "state", "string", { enum: CELL_STATES, required: true }),
      field(labels, "state_label", "string", { required: true }),
    ],
    rows,
    primaryKey: ["pillar_id", "offer_id"],
  };
}

function figuresTable(edition: Edition, labels: DataLabels): Table {
  return {
    name: "figures",
    ...tableWords(labels, "figures"),
    fields: [
      field(labels, "chart", "string", { enum: ["candidates", "scope", "status"], required: true }),
      field(labels, "series", "string", { required: true }),
      field(labels, "series_label", "string", { required: true }),
      field(labels, "model", "string", { key: "figure_model", enum: SERVICE_MODELS }),
      field(labels, "unit", "string", { enum: ["providers", "offers"], required: true }),
      field(labels, "value", "integer", { required: true }),
    ],
    rows: figureRows(chartData(edition), labels),
  };
}

/** The four tables of an edition, in the order of the data package. */
export function editionTables(edition: Edition, labels: DataLabels): Table[] {
  return [providersTable(edition, labels), sourcesTable(edition, labels), paasTable(edition, labels), figuresTable(edition, labels)];
}
