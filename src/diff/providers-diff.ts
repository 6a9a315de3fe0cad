// The providers tables of two editions compared row by row. Rows are matched
// by identity (provider id + offer id), never by wording, so a French edition
// compares with an English one.
import type { Edition } from "../manifest/edition-schema.js";
import { SERVICE_MODELS, type ServiceModel } from "../manifest/primitives.js";
import { providerId } from "../manifest/references.js";
import { slug } from "../manifest/slug.js";
import type { ProviderRow } from "../sections/providers.js";
import type { OfferRef, TableChange, TableList } from "./diff-types.js";

type Tables = Map<ServiceModel, Record<TableList, OfferRef[]>>;

export function offerRef(row: ProviderRow): OfferRef {
  const ref: OfferRef = { provider: row.provider, providerId: providerId(row), offer: row.offer, offerId: row.offer_id ?? slug(row.offer) };
  if (row.stage) ref.stage = row.stage;
  // A date still to confirm ({ unknown: … }) is no date to print.
  if (row.stage && typeof row.since === "string") ref.since = row.since;
  return ref;
}

const key = (r: OfferRef) => `${r.providerId}\u0000${r.offerId}`;

/** Every providers section of the edition, merged per service model. */
export function providerTables(edition: Edition): Tables | undefined {
  const sections = edition.sections.filter((s) => s.type === "providers");
  if (!sections.length) return undefined;
  const tables: Tables = new Map();
  for (const section of sections)
    for (const m of section.models) {
      const t = tables.get(m.model) ?? { in_progress: [], qualified: [] };
      t.in_progress.push(...m.in_progress.map(offerRef));
      t.qualified.push(...m.qualified.map(offerRef));
      tables.set(m.model, t);
    }
  return tables;
}

const without = (rows: OfferRef[], other: OfferRef[]) => {
  const keys = new Set(other.map(key));
  return rows.filter((r) => !keys.has(key(r)));
};

interface Leftovers {
  model: ServiceModel;
  left: Record<TableList, OfferRef[]>;
  added: Record<TableList, OfferRef[]>;
}

export function diffProviderTables(
  before: Tables,
  after: Tables,
): { changes: TableChange[]; stagesNotStated: { model: ServiceModel; offer: OfferRef }[] } {
  const changes: TableChange[] = [];
  const stagesNotStated: { model: ServiceModel; offer: OfferRef }[] = [];
  const knownProviders = new Set([...before.values()].flatMap((t) => [...t.in_progress, ...t.qualified].map((r) => r.providerId)));
  const empty = () => ({ in_progress: [] as OfferRef[], qualified: [] as OfferRef[] });
  const rest: Leftovers[] = [];

  for (const model of SERVICE_MODELS) {
    const b = before.get(model) ?? empty();
    const a = after.get(model) ?? empty();
    const previous = new Map(b.in_progress.map((r) => [key(r), r]));
    for (const row of a.in_progress) {
      const was = previous.get(key(row));
      if (!was) continue;
      // A stage is compared only where both editions publish one: an edition
      // that publishes none says nothing about it (unknown, not "no stage").
      if (row.stage && was.stage && row.stage !== was.stage) changes.push({ kind: "stage", model, before: was, after: row });
      else if (row.stage && !was.stage) changes.push({ kind: "stage-published", model, before: was, after: row });
      else if (!row.stage && was.stage) stagesNotStated.push({ model, offer: was });
    }
    const left = { in_progress: without(b.in_progress, a.in_progress), qualified: without(b.qualified, a.qualified) };
    const added = { in_progress: without(a.in_progress, b.in_progress), qualified: without(a.qualified, b.qualified) };
    // An offer often changes its name when it is qualified (S3NS: "Cloud de
    // Confiance S3NS" became "Cloud de Confiance PREMI3NS"), so an applicant that
    // left the list is paired with a new qualified row of the same provider and model.
    for (const applicant of [...left.in_progress]) {
      const same = added.qualified.filter((q) => q.providerId === applicant.providerId);
      const match = same.find((q) => q.offerId === applicant.offerId) ?? same[0];
      if (!match) continue;
      changes.push({ kind: "qualified", model, before: applicant, after: match });
      left.in_progress.splice(left.in_progress.indexOf(applicant), 1);
      added.qualified.splice(added.qualified.indexOf(match), 1);
    }
    rest.push({ model, left, added });
  }

  // A row gone from one model and new in another, same provider and offer: it moved.
  for (const list of ["in_progress", "qualified"] as const)
    for (const from of rest)
      for (const row of [...from.left[list]]) {
        const to = rest.find((r) => r.model !== from.model && r.added[list].some((x) => key(x) === key(row)));
        if (!to) continue;
        const match = to.added[list].find((x) => key(x) === key(row)) as OfferRef;
        changes.push({ kind: "model-moved", model: to.model, fromModel: from.model, list, before: row, after: match });
        from.left[list].splice(from.left[list].indexOf(row), 1);
        to.added[list].splice(to.added[list].indexOf(match), 1);
      }

  for (const { model, left, added } of rest) {
    for (const row of added.in_progress)
      changes.push({ kind: "new-applicant", model, after: row, newProvider: !knownProviders.has(row.providerId) });
    for (const row of left.in_progress) changes.push({ kind: "withdrawn", model, before: row });
    for (const row of added.qualified)
      changes.push({ kind: "qualified-added", model, after: row, newProvider: !knownProviders.has(row.providerId) });
    for (const row of left.qualified) changes.push({ kind: "qualified-removed", model, before: row });
  }
  return { changes, stagesNotStated };
}
