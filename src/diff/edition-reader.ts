// The other editions a section reads (the one "whats-new" compares with, the
// ones a history or status chart counts), read once per build run. Without it
// every job of `--all` parsed every earlier edition again (quadratic: 1,128
// parses at 48 editions); with it each (edition, language) is parsed once and
// shared by the jobs. Scoped to one run, so a preview save reads the files anew.
import { listEditions } from "../manifest/discover.js";
import type { Edition } from "../manifest/edition-schema.js";
import type { Language } from "../manifest/primitives.js";
import { loadEditionIn } from "./compare-editions.js";

export interface EditionReader {
  /** The editions folder's ids, in order. */
  ids(): Promise<string[]>;
  /** One manifest of an edition: `language` if it has it, else its first (loadEditionIn). */
  load(id: string, language: Language): Promise<Edition>;
}

/** A reader that lists the folder once and parses each (edition, language) once: none of `known` (parsed already). */
export function editionReader(editionsDir: string, known: Edition[] = []): EditionReader {
  let ids: Promise<string[]> | undefined;
  const parsed = new Map<string, Promise<Edition>>(known.map((e) => [`${e.edition.id}\0${e.edition.language}`, Promise.resolve(e)]));
  return {
    ids: () => {
      ids ??= listEditions(editionsDir);
      return ids;
    },
    load: (id, language) => {
      const key = `${id}\0${language}`;
      let edition = parsed.get(key);
      if (!edition) {
        edition = loadEditionIn(id, language, editionsDir);
        parsed.set(key, edition);
      }
      return edition;
    },
  };
}

/** A reader given, or a fresh one over the folder given. */
export const readerOf = (editions: EditionReader | string): EditionReader =>
  typeof editions === "string" ? editionReader(editions) : editions;
