// Changes as a reader wants them: one line per offer, its service models
// together ("S3NS qualified in IaaS, CaaS, PaaS", not three lines).
import type { ServiceModel, Stage } from "../manifest/primitives.js";
import type { TableChange, TableChangeKind, TableList } from "./diff-types.js";

export interface ChangeLine {
  kind: TableChangeKind;
  /** As the newer edition prints it; as the older one did for removals. */
  provider: string;
  offer: string;
  /** qualified: the applicant's offer name, when the qualified offer has another. */
  previousOffer?: string;
  models: ServiceModel[];
  fromModel?: ServiceModel;
  list?: TableList;
  stageBefore?: Stage;
  stageAfter?: Stage;
  /** stage-published: the date of the stage, when the edition gives one. */
  since?: string;
  newProvider?: boolean;
}

export function changeLines(changes: readonly TableChange[]): ChangeLine[] {
  const lines = new Map<string, ChangeLine>();
  for (const c of changes) {
    const shown = c.after ?? c.before;
    if (!shown) continue;
    const previousOffer = c.kind === "qualified" && c.before && c.before.offerId !== c.after?.offerId ? c.before.offer : undefined;
    const id = [
      c.kind,
      shown.providerId,
      c.before?.offerId,
      c.after?.offerId,
      c.fromModel,
      c.list,
      c.before?.stage,
      c.after?.stage,
      c.after?.since,
    ].join("\u0000");
    const line = lines.get(id);
    if (line) {
      if (!line.models.includes(c.model)) line.models.push(c.model);
      continue;
    }
    const entry: ChangeLine = { kind: c.kind, provider: shown.provider, offer: shown.offer, models: [c.model] };
    if (previousOffer) entry.previousOffer = previousOffer;
    if (c.fromModel) entry.fromModel = c.fromModel;
    if (c.list) entry.list = c.list;
    if (c.kind === "stage" || c.kind === "stage-published") {
      if (c.before?.stage) entry.stageBefore = c.before.stage;
      if (c.after?.stage) entry.stageAfter = c.after.stage;
      if (c.kind === "stage-published" && c.after?.since) entry.since = c.after.since;
    }
    if (c.newProvider !== undefined) entry.newProvider = c.newProvider;
    lines.set(id, entry);
  }
  return [...lines.values()];
}
