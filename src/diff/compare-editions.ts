// `diff:edition`'s core: find and load the two manifests, then diffEditions.
// Rows are compared by identity, so any language of each edition will do;
// the same language on both sides is preferred when there is one.
import { EditionNotFoundError, editionFiles, latestEdition, listEditions, type ManifestFile } from "../manifest/discover.js";
import type { Edition } from "../manifest/edition-schema.js";
import { loadManifest } from "../manifest/load.js";
import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { projectPaths } from "../paths.js";
import type { EditionDiff } from "./diff-types.js";
import { diffEditions } from "./edition-diff.js";

export interface CompareOptions {
  /** The older edition; defaults to the one before `to`. */
  from?: string;
  /** The newer edition; defaults to the latest. */
  to?: string;
  /** Compare this language on both sides; otherwise the best match. */
  language?: Language;
  editionsDir?: string;
}

/** The edition just before `id` in the folder, if any. */
export async function editionBefore(id: string, editionsDir: string): Promise<string | undefined> {
  return (await listEditions(editionsDir)).filter((e) => e < id).pop();
}

/** One manifest of an edition: `language` if it has it, else its first language. */
export async function loadEditionIn(id: string, language: Language | undefined, editionsDir: string): Promise<Edition> {
  const files = await editionFiles(id, { editionsDir });
  const file = files.find((f) => f.language === language) ?? files[0];
  return (await loadManifest(file.file)).edition;
}

function commonLanguage(a: ManifestFile[], b: ManifestFile[]): Language | undefined {
  return LANGUAGES.find((l) => a.some((f) => f.language === l) && b.some((f) => f.language === l));
}

export async function compareEditions(options: CompareOptions = {}): Promise<EditionDiff> {
  const editionsDir = options.editionsDir ?? projectPaths.editions;
  const to = options.to ?? (await latestEdition(editionsDir));
  const from = options.from ?? (await editionBefore(to, editionsDir));
  if (!from) throw new EditionNotFoundError(`expected an edition before ${to} to compare it with, got none in the editions folder`);
  if (from === to) throw new EditionNotFoundError(`expected two different editions, got ${from} twice`);
  const [a, b] = await Promise.all([
    editionFiles(from, { editionsDir, language: options.language }),
    editionFiles(to, { editionsDir, language: options.language }),
  ]);
  const language = options.language ?? commonLanguage(a, b);
  const [before, after] = await Promise.all([loadEditionIn(from, language, editionsDir), loadEditionIn(to, language, editionsDir)]);
  return diffEditions(before, after);
}
