// The numbers behind the charts, computed from the providers table of the
// edition so that no chart figure is ever typed in by hand.
import type { Edition } from "../manifest/edition-schema.js";
import { SERVICE_MODELS, type ServiceModel, STAGES, type Stage } from "../manifest/primitives.js";
import { providerId } from "../manifest/references.js";
import type { ProviderRow } from "../sections/providers.js";

export interface ChartData {
  /** Distinct providers (applicants and qualified) per service model. */
  candidates: Record<ServiceModel, number>;
  /** Offers in progress and qualified offers per service model. */
  scope: Record<ServiceModel, { in_progress: number; qualified: number }>;
  /**
   * Distinct applicants by the furthest stage the edition reports for them
   * (J0–J2), qualified providers at J3, and applicants whose stage is not published.
   */
  status: Record<Stage | "unknown", number>;
  /** Which service models the edition's table lists, in its order. */
  models: ServiceModel[];
}

const stageRank = (s: Stage) => STAGES.indexOf(s);

export function chartData(edition: Edition): ChartData {
  const table = edition.sections.find((s) => s.type === "providers");
  const candidates = Object.fromEntries(SERVICE_MODELS.map((m) => [m, 0])) as ChartData["candidates"];
  const scope = Object.fromEntries(SERVICE_MODELS.map((m) => [m, { in_progress: 0, qualified: 0 }])) as ChartData["scope"];
  const status: ChartData["status"] = { J0: 0, J1: 0, J2: 0, J3: 0, unknown: 0 };
  if (!table || table.type !== "providers") return { candidates, scope, status, models: [] };

  const applicantStage = new Map<string, Stage | undefined>();
  const qualified = new Set<string>();
  for (const m of table.models) {
    const ids = new Set<string>();
    for (const row of m.in_progress as ProviderRow[]) {
      const id = providerId(row);
      ids.add(id);
      const known = applicantStage.get(id);
      if (!applicantStage.has(id) || (row.stage && (!known || stageRank(row.stage) > stageRank(known))))
        applicantStage.set(id, row.stage ?? known);
    }
    for (const row of m.qualified as ProviderRow[]) {
      ids.add(providerId(row));
      qualified.add(providerId(row));
    }
    candidates[m.model] = ids.size;
    scope[m.model] = { in_progress: m.in_progress.length, qualified: m.qualified.length };
  }
  for (const stage of applicantStage.values()) status[stage ?? "unknown"] += 1;
  status.J3 = qualified.size;
  return { candidates, scope, status, models: table.models.map((m) => m.model) };
}
