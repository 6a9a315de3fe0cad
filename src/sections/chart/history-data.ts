// The Observatory's history, computed from the editions themselves (never
// typed in): per month, the applicants and the qualified offers of each service
// model; per applicant, the stages the editions record, with their dates.
import type { Edition } from "../../manifest/edition-schema.js";
import { isPlaceholder } from "../../manifest/placeholder.js";
import { SERVICE_MODELS, type ServiceModel, STAGES, type Stage } from "../../manifest/primitives.js";
import { providerId } from "../../manifest/references.js";
import { chartData, type EarlierStages, type PublishedStage } from "./chart-data.js";

export interface HistoryMonth {
  /** Edition id, YYYY-MM. */
  id: string;
  /** Distinct applicants per model (the candidates chart's count). */
  applicants: Record<ServiceModel, number>;
  /** Qualified offers per model (the scope chart's count, in offers). */
  qualifiedOffers: Record<ServiceModel, number>;
}

export interface HistoryStep {
  /** A stage of the procedure, or "qualified": first listed among the qualified offers. */
  stage: Stage | "qualified";
  /** The date the edition gives (YYYY-MM-DD); absent when it gives none. */
  date?: string;
  /** The edition that first recorded the step. */
  edition: string;
}

export interface HistoryChanges {
  provider: string;
  providerId: string;
  steps: HistoryStep[];
}

export interface HistoryData {
  months: HistoryMonth[];
  /** Models listed in any of the editions, in the usual order. */
  models: ServiceModel[];
  changes: HistoryChanges[];
  /**
   * For the last (this) edition: the last stage the editions before it published
   * for an applicant's offer in a model. A stage an edition does not publish is
   * unknown in that edition, and the record keeps the last one that was.
   */
  earlierStages: EarlierStages;
}

const rank = (s: HistoryStep["stage"]) => (s === "qualified" ? STAGES.length : STAGES.indexOf(s));

/** `editions` in any order; each id once (one language per month). */
export function historyData(editions: readonly Edition[]): HistoryData {
  const ordered = [...editions].sort((a, b) => a.edition.id.localeCompare(b.edition.id));
  const months: HistoryMonth[] = [];
  const seen = new Set<ServiceModel>();
  const byProvider = new Map<string, HistoryChanges>();
  /** Per provider: the models it applied for in the previous edition, and those it was qualified for. */
  let applying = new Map<string, Set<ServiceModel>>();
  let holding = new Map<string, Set<ServiceModel>>();
  /** Last published stage per provider and model, up to the edition before the one being read. */
  let published = new Map<string, PublishedStage>();
  const stageKey = (pid: string, m: ServiceModel) => `${pid}\u0000${m}`;

  const record = (id: string, name: string, step: HistoryStep) => {
    const entry = byProvider.get(id) ?? { provider: name, providerId: id, steps: [] };
    entry.provider = name; // the latest spelling
    if (!entry.steps.some((s) => s.stage === step.stage)) entry.steps.push(step);
    byProvider.set(id, entry);
  };

  let before = published;
  for (const edition of ordered) {
    const id = edition.edition.id;
    before = published;
    published = new Map(published);
    const data = chartData(edition);
    for (const m of data.models) seen.add(m);
    months.push({
      id,
      applicants: data.candidates,
      qualifiedOffers: Object.fromEntries(SERVICE_MODELS.map((m) => [m, data.scope.offers[m].qualified])) as Record<ServiceModel, number>,
    });
    const nowApplying = new Map<string, Set<ServiceModel>>();
    const nowHolding = new Map<string, Set<ServiceModel>>();
    const add = (map: Map<string, Set<ServiceModel>>, key: string, m: ServiceModel) => map.set(key, (map.get(key) ?? new Set()).add(m));
    for (const section of edition.sections) {
      if (section.type !== "providers") continue;
      for (const m of section.models) {
        for (const row of m.in_progress) {
          add(nowApplying, providerId(row), m.model);
          // A date still to be confirmed ({ unknown: … }) is no date for the history.
          const date = isPlaceholder(row.since) ? undefined : row.since;
          if (row.stage) {
            record(providerId(row), row.provider, { stage: row.stage, date, edition: id });
            published.set(stageKey(providerId(row), m.model), { stage: row.stage, edition: id });
          }
        }
        for (const row of m.qualified) {
          const pid = providerId(row);
          add(nowHolding, pid, m.model);
          // Qualified now, for a model it applied for in the previous edition and did not hold then.
          if (applying.get(pid)?.has(m.model) && !holding.get(pid)?.has(m.model))
            record(pid, row.provider, { stage: "qualified", date: isPlaceholder(row.since) ? undefined : row.since, edition: id });
        }
      }
    }
    applying = nowApplying;
    holding = nowHolding;
  }

  const changes = [...byProvider.values()].map((c) => ({ ...c, steps: c.steps.sort((a, b) => rank(a.stage) - rank(b.stage)) }));
  // In the order their first recorded step happened (date, else edition), then by name.
  const first = (c: HistoryChanges) => c.steps[0].date ?? c.steps[0].edition;
  changes.sort((a, b) => first(a).localeCompare(first(b)) || a.provider.localeCompare(b.provider));
  const earlierStages: EarlierStages = (pid, model) => before.get(stageKey(pid, model));
  return { months, models: SERVICE_MODELS.filter((m) => seen.has(m)), changes, earlierStages };
}
