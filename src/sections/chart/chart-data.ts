// The numbers behind the charts, computed from the providers table of the
// edition so that no chart figure is ever typed in by hand. Each figure counts
// one thing in one unit, and says so in print (chart-view.ts):
// - candidates: distinct applicants (providers with an offer in progress) per model;
// - scope: in progress against qualified per model, in offers or in distinct providers;
// - status: distinct applicants by the furthest stage the edition publishes for them;
//   the qualified providers are counted apart, never as applicants.
import type { Edition } from "../../manifest/edition-schema.js";
import { SERVICE_MODELS, type ServiceModel, STAGES, type Stage } from "../../manifest/primitives.js";
import { providerId } from "../../manifest/references.js";
import type { ProviderRow } from "../providers.js";

export type ScopeUnit = "offers" | "providers";
type Pair = { in_progress: number; qualified: number };

export interface StatusData {
  /** Distinct applicants whose furthest published stage is this one. */
  stages: Record<Stage, number>;
  /** Distinct applicants for whom no stage is published, by this edition or an earlier one. */
  unpublished: number;
  /** Of the applicants counted at a stage, those whose stage an earlier edition published (this one publishes none for them). */
  carried: number;
  /** The editions those stages come from, oldest first. */
  carriedFrom: string[];
  /** Distinct applicants in all (stages + unpublished). */
  applicants: number;
  /** Distinct qualified providers, shown apart from the applicants. */
  qualified: number;
  /** Names of the qualified providers that also apply for another offer (counted in both groups). */
  qualifiedAndApplying: string[];
}

export interface ChartData {
  /** Distinct applicants (providers with an offer in progress) per service model. */
  candidates: Record<ServiceModel, number>;
  /** In progress against qualified per service model, in either unit. */
  scope: Record<ScopeUnit, Record<ServiceModel, Pair>>;
  status: StatusData;
  /** Which service models the edition's table lists, in its order. */
  models: ServiceModel[];
}

const stageRank = (s: Stage) => STAGES.indexOf(s);
const perModel = <T>(make: () => T) => Object.fromEntries(SERVICE_MODELS.map((m) => [m, make()])) as Record<ServiceModel, T>;

/** The last stage published for an applicant's offer in progress, and the edition that published it. */
export interface PublishedStage {
  stage: Stage;
  edition: string;
}

/** Stages published before this edition, by provider id and service model (history-data.ts). */
export type EarlierStages = (providerId: string, model: ServiceModel) => PublishedStage | undefined;

/**
 * `earlier` gives, for an applicant this edition publishes no stage for, the
 * last stage an earlier edition published: the status chart then places it
 * there and says so, so that it agrees with the history of the same edition.
 */
export function chartData(edition: Edition, earlier?: EarlierStages): ChartData {
  const candidates = perModel(() => 0);
  const scope = {
    offers: perModel<Pair>(() => ({ in_progress: 0, qualified: 0 })),
    providers: perModel<Pair>(() => ({ in_progress: 0, qualified: 0 })),
  };
  const tables = edition.sections.filter((s) => s.type === "providers");

  const applicantStage = new Map<string, Stage | undefined>();
  /** Stages carried from earlier editions, for applicants this edition publishes none for. */
  const carriedStage = new Map<string, PublishedStage>();
  const qualified = new Map<string, string>();
  const models: ServiceModel[] = [];
  // Distinct providers per model, across every providers section of the edition.
  const applying = perModel(() => new Set<string>());
  const holding = perModel(() => new Set<string>());
  for (const table of tables)
    for (const m of table.models) {
      if (!models.includes(m.model)) models.push(m.model);
      for (const row of m.in_progress as ProviderRow[]) {
        const id = providerId(row);
        applying[m.model].add(id);
        const known = applicantStage.get(id);
        if (row.stage && (!known || stageRank(row.stage) > stageRank(known))) applicantStage.set(id, row.stage);
        else if (!applicantStage.has(id)) applicantStage.set(id, undefined);
        const before = row.stage ? undefined : earlier?.(id, m.model);
        const kept = carriedStage.get(id);
        if (before && (!kept || stageRank(before.stage) > stageRank(kept.stage))) carriedStage.set(id, before);
      }
      for (const row of m.qualified as ProviderRow[]) {
        holding[m.model].add(providerId(row));
        if (!qualified.has(providerId(row))) qualified.set(providerId(row), row.provider);
      }
      scope.offers[m.model].in_progress += m.in_progress.length;
      scope.offers[m.model].qualified += m.qualified.length;
    }
  for (const m of SERVICE_MODELS) {
    candidates[m] = applying[m].size;
    scope.providers[m] = { in_progress: applying[m].size, qualified: holding[m].size };
  }

  const stages = { J0: 0, J1: 0, J2: 0, J3: 0 };
  let unpublished = 0;
  let carried = 0;
  const from = new Set<string>();
  for (const [id, stage] of applicantStage) {
    const before = stage ? undefined : carriedStage.get(id);
    if (stage) stages[stage] += 1;
    else if (before) {
      stages[before.stage] += 1;
      carried += 1;
      from.add(before.edition);
    } else unpublished += 1;
  }
  const qualifiedAndApplying = [...qualified].filter(([id]) => applicantStage.has(id)).map(([, name]) => name);
  const status = {
    stages,
    unpublished,
    carried,
    carriedFrom: [...from].sort(),
    applicants: applicantStage.size,
    qualified: qualified.size,
    qualifiedAndApplying,
  };
  return { candidates, scope, status, models };
}

/** True when the edition publishes a stage for at least one applicant. */
export const anyStagePublished = (status: StatusData) => status.unpublished < status.applicants;
