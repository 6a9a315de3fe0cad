// Data a partial needs that is derived rather than typed in: the providers
// table laid out in rows, the PaaS matrix in offer order, the charts' SVG.
import { whatsNewSectionView } from "../diff/whats-new.js";
import type { Edition, Section } from "../manifest/edition-schema.js";
import { providerId } from "../manifest/references.js";
import type { Labels } from "../sections/labels.js";
import type { ChartData } from "./chart-data.js";
import { chartFigureView } from "./chart-figure.js";
import type { HistoryData } from "./history-data.js";

type Of<T extends Section["type"]> = Extract<Section, { type: T }>;

interface ViewContext {
  edition: Edition;
  /** Earlier editions a "What's new" section compares with, by id. */
  previous?: ReadonlyMap<string, Edition>;
  labels: Labels;
  anchor: string;
  charts: ChartData;
  /** Computed from this edition and the earlier ones, when a history chart asks for it. */
  history?: HistoryData;
}

function providersView(s: Of<"providers">, ctx: ViewContext) {
  const columns = { ...ctx.labels.providers, ...s.columns };
  const models = s.models.map((m) => {
    const n = Math.max(m.in_progress.length, m.qualified.length, 1);
    const rows = Array.from({ length: n }, (_, i) => ({ first: i === 0, applicant: m.in_progress[i], qualified: m.qualified[i] }));
    return { model: m.model, span: n, rows };
  });
  return { columns, models };
}

function paasView(s: Of<"paas-zoom">) {
  const pillars = new Map(s.pillars.map((p) => [p.id, p]));
  const matrix = s.matrix.map((row) => ({
    label: pillars.get(row.pillar)?.row_label ?? row.pillar,
    cells: s.offers.map((o) => {
      const cell = row.cells[o.id];
      return cell ? { ...cell, available: cell.state !== "unavailable" } : { state: "unavailable", available: false };
    }),
  }));
  return { matrix, numbered: s.pillars.map((p, i) => ({ ...p, number: i + 1 })) };
}

function providerName(edition: Edition, id: string): string {
  for (const s of edition.sections)
    if (s.type === "providers")
      for (const m of s.models) for (const r of [...m.in_progress, ...m.qualified]) if (providerId(r) === id) return r.provider;
  return id;
}

export function sectionView(section: Section, ctx: ViewContext): Record<string, unknown> {
  switch (section.type) {
    case "providers":
      return providersView(section, ctx);
    case "paas-zoom":
      return paasView(section);
    case "chart":
      return chartFigureView(section, { ...ctx, providerName: (id) => providerName(ctx.edition, id) });
    case "whats-new":
      return { ...whatsNewSectionView(section, ctx) };
    default:
      return {};
  }
}
