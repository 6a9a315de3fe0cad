// The editions a history chart is computed from: every edition up to this one
// in the editions folder, in this edition's language where it exists (the data
// are the same in both languages, see language-pair.ts). Loaded before
// rendering, since rendering reads no files.
import { type EditionReader, readerOf } from "../../../diff/edition-reader.js";
import type { Edition } from "../../../manifest/edition-schema.js";
import type { LoadedEdition } from "../../../manifest/load.js";

// The status chart reads them too: an applicant this edition publishes no stage
// for is placed at the last stage an earlier edition published (chart-data.ts).
export const readsEarlierEditions = (edition: Edition) =>
  edition.sections.some((s) => s.type === "chart" && (s.chart === "history" || s.chart === "status"));

/** Undefined when the edition prints no history or status chart (nothing is read then). */
export async function historyEditionsFor(loaded: LoadedEdition, editions: EditionReader | string): Promise<Edition[] | undefined> {
  if (!readsEarlierEditions(loaded.edition)) return undefined;
  const reader = readerOf(editions);
  const { id, language } = loaded.edition.edition;
  const earlier = (await reader.ids()).filter((e) => e < id);
  return [...(await Promise.all(earlier.map((e) => reader.load(e, language)))), loaded.edition];
}
