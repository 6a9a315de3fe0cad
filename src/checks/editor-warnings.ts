// What an editor should look at before publishing, though the edition builds:
// a stage that moves back since the previous edition, a date in a month after
// the edition's, a source no row cites, a row whose source is dated otherwise
// than its stage. Warnings, not problems: each can be right (a stage withdrawn,
// a source kept for the record), so the editor decides.
import type { Edition } from "../manifest/edition-schema.js";
import { isPlaceholder } from "../manifest/placeholder.js";
import { STAGES } from "../manifest/primitives.js";
import { providerId } from "../manifest/references.js";
import type { Finding } from "./locate.js";

type Section = Edition["sections"][number];
type Rows = Extract<Section, { type: "providers" }>["models"][number]["in_progress"];

function* rows(edition: Edition) {
  for (const [i, s] of edition.sections.entries())
    if (s.type === "providers")
      for (const [j, m] of s.models.entries())
        for (const list of ["in_progress", "qualified"] as const)
          for (const [k, row] of (m[list] as Rows).entries())
            yield { row, model: m.model, list, path: ["sections", i, "models", j, list, k] };
}

const dateOf = (since: unknown) => (typeof since === "string" && !isPlaceholder(since) ? since : undefined);

/** `previous`: the edition just before this one, in this language where it exists. */
export function editorWarnings(edition: Edition, previous?: Edition): Finding[] {
  const out: Finding[] = [];
  const { id } = edition.edition;
  const sources = new Map<string, { date?: string; path: PropertyKey[] }>();
  for (const [i, s] of edition.sections.entries())
    if (s.type === "sources")
      for (const [j, item] of s.items.entries())
        if (item.id) sources.set(item.id, { date: item.date, path: ["sections", i, "items", j, "id"] });

  const before = new Map<string, string>();
  if (previous)
    for (const { row, model, list } of rows(previous))
      if (list === "in_progress" && row.stage) before.set(`${providerId(row)}:${model}`, row.stage);

  const cited = new Set<string>();
  for (const { row, model, list, path } of rows(edition)) {
    const since = dateOf(row.since);
    // A month after the edition's: an edition dated the 1st still reports its month's events.
    if (since && since.slice(0, 7) > id)
      out.push({
        path: [...path, "since"],
        message: `a date in a month after the edition (${id}): "${since}"; is it the right year or month?`,
      });
    if (row.source) {
      cited.add(row.source);
      const source = sources.get(row.source);
      if (since && source?.date && !since.startsWith(source.date) && !source.date.startsWith(since))
        out.push({
          path: [...path, "source"],
          message: `the source "${row.source}" is dated ${source.date}, the stage since ${since}: is it the source of this stage?`,
        });
    }
    const was = before.get(`${providerId(row)}:${model}`);
    if (list === "in_progress" && row.stage && was && STAGES.indexOf(row.stage) < STAGES.indexOf(was as (typeof STAGES)[number]))
      out.push({
        path: [...path, "stage"],
        message: `${row.provider} (${model}) was at ${was} in ${previous?.edition.id}, ${row.stage} here in ${id}: a stage that moves back; check its source`,
      });
  }
  for (const [sid, source] of sources)
    if (!cited.has(sid) && !citedElsewhere(edition, sid))
      out.push({ path: source.path, message: `the source "${sid}" is cited by no row or section; keep it only for the record` });
  return out;
}

/** Sources may be named outside the table too (a section's `source:` or `sources:`); any mention counts. */
function citedElsewhere(edition: Edition, id: string): boolean {
  const text = JSON.stringify(edition.sections.filter((s) => s.type !== "sources"));
  return text.includes(`"${id}"`);
}
