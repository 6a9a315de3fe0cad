// Data a partial needs that is derived rather than typed in. A section type
// brings its own view (SectionKind.view, src/sections/<type>.ts: the providers
// table in rows, the PaaS matrix); the two views here need what sits above the
// sections in the pipeline's order: a chart's SVG (render/) and what changed
// since earlier editions (diff/).

import type { Edition, Section } from "../manifest/edition-schema.js";
import { providerId } from "../manifest/references.js";
import type { ChartData } from "../sections/chart/chart-data.js";
import type { HistoryData } from "../sections/chart/history-data.js";
import { chartFigureView } from "../sections/chart/view/chart-figure.js";
import type { Labels } from "../sections/labels.js";
import { sectionKinds } from "../sections/registry.js";
import { whatsNewSectionView } from "../sections/whats-new/view/whats-new-view.js";

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

function providerName(edition: Edition, id: string): string {
  for (const s of edition.sections)
    if (s.type === "providers")
      for (const m of s.models) for (const r of [...m.in_progress, ...m.qualified]) if (providerId(r) === id) return r.provider;
  return id;
}

export function sectionView(section: Section, ctx: ViewContext): Record<string, unknown> {
  switch (section.type) {
    case "chart":
      return chartFigureView(section, { ...ctx, providerName: (id) => providerName(ctx.edition, id) });
    case "whats-new":
      return { ...whatsNewSectionView(section, ctx) };
    // The others are plug-ins: the section type's own view (src/sections/<type>.ts), if it has one.
    default:
      return sectionKinds.get(section.type)?.view?.(section, ctx) ?? {};
  }
}
