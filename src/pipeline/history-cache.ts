// The earlier editions a history chart needs, read once per build run. Without
// it every job of `--all` parsed every earlier edition again (quadratic: 1,128
// parses at 48 editions); with it each (edition, language) is parsed once and
// shared by the jobs. Scoped to one run, so a preview save reads the files anew.

import { loadEditionIn } from "../diff/compare-editions.js";
import { listEditions } from "../manifest/discover.js";
import type { Edition } from "../manifest/edition-schema.js";
import type { LoadedEdition } from "../manifest/load.js";
import { readsEarlierEditions } from "../sections/chart/view/history-editions.js";

export type HistoryLoader = (loaded: LoadedEdition) => Promise<Edition[] | undefined>;

/** Same result as historyEditionsFor(), with the editions folder listed and each earlier edition parsed once. */
export function historyLoader(editionsDir: string): HistoryLoader {
  let ids: Promise<string[]> | undefined;
  const parsed = new Map<string, Promise<Edition>>();
  const earlierEdition = (id: string, language: Edition["edition"]["language"]) => {
    const key = `${id}\0${language}`;
    let edition = parsed.get(key);
    if (!edition) {
      edition = loadEditionIn(id, language, editionsDir);
      parsed.set(key, edition);
    }
    return edition;
  };
  return async (loaded) => {
    if (!readsEarlierEditions(loaded.edition)) return undefined;
    const { id, language } = loaded.edition.edition;
    ids ??= listEditions(editionsDir);
    const earlier = (await ids).filter((e) => e < id);
    return [...(await Promise.all(earlier.map((e) => earlierEdition(e, language)))), loaded.edition];
  };
}
