// Checks manifests without building anything: the core of `npm run check:edition`,
// taking typed options so the CLI and the tests call the same function.

import { readFile } from "node:fs/promises";
import { decodeManifest } from "../manifest/decode.js";
import { checkLanguage, editionFiles, latestEdition, listManifests, type ManifestFile } from "../manifest/discover.js";
import type { Edition } from "../manifest/edition-schema.js";
import { parseManifest } from "../manifest/load.js";
import type { Problem } from "../manifest/problem.js";
import { projectPaths } from "../paths.js";
import { checkLanguagePairs } from "./language-pair-check.js";

export interface CheckOptions {
  /** Defaults to the project's editions/ folder. */
  editionsDir?: string;
  /** YYYY-MM; defaults to the latest edition unless `all` is set. */
  edition?: string;
  /** fr or en; every language of the edition when absent. */
  language?: string;
  /** Every edition in the folder. */
  all?: boolean;
}

export interface FileCheck extends ManifestFile {
  /** The text read, kept so problems can be shown with the lines around them. */
  source: string;
  problems: Problem[];
  /** What an editor should look at; the edition builds all the same (checks/editor-warnings.ts). */
  warnings?: Problem[];
  /** Set when the manifest is valid. */
  parsed?: Edition;
}

/** Reads and checks one file; a file that cannot be read is a problem, not an exception. */
export async function checkFile(manifest: ManifestFile): Promise<FileCheck> {
  let source: string;
  try {
    const decoded = decodeManifest(await readFile(manifest.file));
    if (!decoded.ok) {
      const { line, column, message } = decoded;
      return { ...manifest, source: "", problems: [{ file: manifest.file, line, column, path: "", message }] };
    }
    source = decoded.text;
  } catch (err) {
    const problem = {
      file: manifest.file,
      line: 1,
      column: 1,
      path: "",
      message: `expected a readable file, got ${(err as Error).message}`,
    };
    return { ...manifest, source: "", problems: [problem] };
  }
  const { edition, problems } = parseManifest(source, manifest.file);
  return { ...manifest, source, problems, parsed: edition };
}

/** Which files the options select. Throws EditionNotFoundError for an unknown or malformed id. */
export async function selectManifests(options: CheckOptions): Promise<ManifestFile[]> {
  const editionsDir = options.editionsDir ?? projectPaths.editions;
  checkLanguage(options.language);
  if (options.all) {
    const all = await listManifests(editionsDir);
    return options.language ? all.filter((m) => m.language === options.language) : all;
  }
  const id = options.edition ?? (await latestEdition(editionsDir));
  return editionFiles(id, { language: options.language, editionsDir });
}

/**
 * Checks every selected file, carrying on after a failure so all problems show at once;
 * then the French and English manifests of a month against each other (same data).
 */
export async function checkEditions(options: CheckOptions = {}): Promise<FileCheck[]> {
  const results: FileCheck[] = [];
  for (const manifest of await selectManifests(options)) results.push(await checkFile(manifest));
  await checkLanguagePairs(results, checkFile, options.editionsDir ?? projectPaths.editions);
  return results;
}
