// The chart section's view, found through the view registry
// (src/render/section-views.ts): the figure its partial prints, and the earlier
// editions a history or status chart counts (read before rendering).
import type { Edition } from "../../../manifest/edition-schema.js";
import { providerId } from "../../../manifest/references.js";
import type { SectionView } from "../../../render/section-view.js";
import { type ChartData, chartData } from "../chart-data.js";
import { type HistoryData, historyData } from "../history-data.js";
import { chartFigureView } from "./chart-figure.js";
import { historyEditionsFor } from "./history-editions.js";

function providerName(edition: Edition, id: string): string {
  for (const s of edition.sections)
    if (s.type === "providers")
      for (const m of s.models) for (const r of [...m.in_progress, ...m.qualified]) if (providerId(r) === id) return r.provider;
  return id;
}

// The counts and the history are computed once per render of an edition, not once per chart.
const computed = new WeakMap<Edition, WeakMap<object, { charts: ChartData; history?: HistoryData }>>();
function chartsOf(edition: Edition, earlier: readonly Edition[] | undefined) {
  let byEarlier = computed.get(edition);
  if (!byEarlier) {
    byEarlier = new WeakMap();
    computed.set(edition, byEarlier);
  }
  const key = earlier ?? edition;
  let found = byEarlier.get(key);
  if (!found) {
    const history = earlier && historyData(earlier);
    found = { charts: chartData(edition, history?.earlierStages), history };
    byEarlier.set(key, found);
  }
  return found;
}

export const chartView: SectionView<readonly Edition[]> = {
  type: "chart",
  reads: (loaded, editions) => historyEditionsFor(loaded, editions),
  view: (section, ctx) =>
    chartFigureView(section, {
      ...ctx,
      ...chartsOf(ctx.edition, ctx.earlier),
      providerName: (id) => providerName(ctx.edition, id),
    }),
};
