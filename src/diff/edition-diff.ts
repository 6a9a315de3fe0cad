// diffEditions(before, after): what changed in the data of two editions, in
// any pair of languages. Pure; loading the manifests is compare-editions.ts.
import type { Edition } from "../manifest/edition-schema.js";
import type { EditionDiff, EditionRef, Presence, TableChangeKind } from "./diff-types.js";
import { TABLE_CHANGE_KINDS } from "./diff-types.js";
import { diffPaas, paasSection } from "./paas-diff.js";
import { diffProviderTables, providerTables } from "./providers-diff.js";

export function editionRef(edition: Edition): EditionRef {
  const { id, language, label, date } = edition.edition;
  return { id, language, label, date };
}

const presence = (before: unknown, after: unknown): Presence =>
  before && after ? "both" : before ? "before-only" : after ? "after-only" : "neither";

const kindOrder = (k: TableChangeKind) => TABLE_CHANGE_KINDS.indexOf(k);

export function diffEditions(before: Edition, after: Edition): EditionDiff {
  const oldTables = providerTables(before);
  const newTables = providerTables(after);
  const oldPaas = paasSection(before.sections);
  const newPaas = paasSection(after.sections);
  const table = oldTables && newTables ? diffProviderTables(oldTables, newTables) : { changes: [], stagesNotStated: [] };
  // Stable order: by kind, then as the tables list them (model order, then rows).
  const ordered = table.changes.map((c, i) => ({ c, i })).sort((x, y) => kindOrder(x.c.kind) - kindOrder(y.c.kind) || x.i - y.i);
  return {
    before: editionRef(before),
    after: editionRef(after),
    compared: { providers: presence(oldTables, newTables), paas: presence(oldPaas, newPaas) },
    table: ordered.map((x) => x.c),
    paas: oldPaas && newPaas ? diffPaas(oldPaas, newPaas) : [],
    stagesNotStated: table.stagesNotStated,
  };
}

/** Number of changes of each kind, for summaries and JSON consumers. */
export function diffCounts(diff: EditionDiff): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of [...diff.table, ...diff.paas]) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
  return counts;
}
