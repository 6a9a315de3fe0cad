// The earlier editions that "whats-new" sections compare with, loaded before
// rendering (rendering itself reads no files). A wrong `since` is reported
// like any manifest problem: file, line, column and what to write instead.

import { type EditionReader, readerOf } from "../../../diff/edition-reader.js";
import { EditionNotFoundError } from "../../../manifest/discover.js";
import type { Edition } from "../../../manifest/edition-schema.js";
import type { LoadedEdition } from "../../../manifest/load.js";
import { ManifestError, type Problem } from "../../../manifest/problem.js";
import { lineColumn, offsetOf } from "../../../manifest/yaml-position.js";
import { readYaml } from "../../../manifest/yaml-read.js";

/** Index and `since` of every whats-new section, read loosely so this works before and after the type is registered. */
export function whatsNewSections(edition: Edition): { index: number; since: string }[] {
  return (edition.sections as readonly { type: string; since?: unknown }[]).flatMap((s, index) =>
    s.type === "whats-new" && typeof s.since === "string" ? [{ index, since: s.since }] : [],
  );
}

function located(loaded: LoadedEdition, index: number, message: string): Problem {
  const read = readYaml(loaded.source);
  const where = read.ok ? lineColumn(read.lineCounter, offsetOf(read.doc, ["sections", index, "since"])) : { line: 1, column: 1 };
  return { file: loaded.file, ...where, path: `sections[${index}].since`, message };
}

/** Every edition the manifest's whats-new sections name, keyed by id; in the same language when it exists. */
export async function previousEditionsFor(loaded: LoadedEdition, editions: EditionReader | string): Promise<Map<string, Edition>> {
  const found = new Map<string, Edition>();
  const sections = whatsNewSections(loaded.edition);
  if (!sections.length) return found;
  const { id, language } = loaded.edition.edition;
  const reader = readerOf(editions);
  const earlier = (await reader.ids()).filter((e) => e < id);
  const problems: Problem[] = [];
  for (const { index, since } of sections) {
    if (found.has(since)) continue;
    if (!earlier.includes(since)) {
      const offer = earlier.length ? `one of ${earlier.join(", ")}` : "an earlier edition, but there is none";
      problems.push(located(loaded, index, `expected an edition before ${id} to compare with (${offer}), got "${since}"`));
      continue;
    }
    try {
      found.set(since, await reader.load(since, language));
    } catch (err) {
      if (err instanceof ManifestError) throw err;
      if (err instanceof EditionNotFoundError) problems.push(located(loaded, index, err.message));
      else throw err;
    }
  }
  if (problems.length) throw new ManifestError(problems);
  return found;
}
