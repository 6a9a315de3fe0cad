// Which editions exist: folders named YYYY-MM under the editions directory,
// each holding fr.yaml and/or en.yaml. Everything takes the directory as a
// parameter so tests can point it at a temporary folder.
import { type Dirent, lstatSync, readlinkSync, statSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { projectPaths } from "../paths.js";
import { EDITION_ID, LANGUAGES, type Language } from "./primitives.js";
import { orList } from "./show-value.js";

export interface ManifestFile {
  edition: string;
  language: Language;
  /** Absolute path of the YAML file. */
  file: string;
}

/** An edition id or language the user asked for that does not exist; a usage error for the CLIs. */
export class EditionNotFoundError extends Error {
  override name = "EditionNotFoundError";
}

/** Folders in messages as the user would type them: relative to where they stand. */
const shown = (dir: string) => `${path.relative(process.cwd(), dir) || "."}/`;

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new EditionNotFoundError(`expected an editions folder at ${shown(dir)}, got nothing there`);
    throw err;
  }
}

/** A file or folder, or a symbolic link to one (a manifest kept elsewhere and linked in counts). */
function is(entry: Dirent, kind: "file" | "directory"): boolean {
  if (!entry.isSymbolicLink()) return kind === "file" ? entry.isFile() : entry.isDirectory();
  try {
    const target = statSync(path.join(entry.parentPath, entry.name));
    return kind === "file" ? target.isFile() : target.isDirectory();
  } catch {
    return false; // a dangling link
  }
}

export function checkLanguage(language: string | undefined): void {
  if (language !== undefined && !LANGUAGES.includes(language as Language))
    throw new EditionNotFoundError(`expected a language among ${orList(LANGUAGES)}, got "${language}"`);
}

/** Every manifest, oldest edition first; languages in LANGUAGES order (fr, then en). */
export async function listManifests(editionsDir: string = projectPaths.editions): Promise<ManifestFile[]> {
  const found: ManifestFile[] = [];
  const folders = (await entries(editionsDir)).filter((e) => EDITION_ID.test(e.name) && is(e, "directory")).map((e) => e.name);
  for (const edition of folders.sort()) {
    const names = new Set((await entries(path.join(editionsDir, edition))).filter((e) => is(e, "file")).map((e) => e.name));
    for (const language of LANGUAGES)
      if (names.has(`${language}.yaml`)) found.push({ edition, language, file: path.resolve(editionsDir, edition, `${language}.yaml`) });
  }
  return found;
}

/** Edition ids that have at least one manifest, oldest first. */
export async function listEditions(editionsDir: string = projectPaths.editions): Promise<string[]> {
  return [...new Set((await listManifests(editionsDir)).map((m) => m.edition))];
}

export async function latestEdition(editionsDir: string = projectPaths.editions): Promise<string> {
  const editions = await listEditions(editionsDir);
  if (!editions.length)
    throw new EditionNotFoundError(
      `expected at least one edition (a YYYY-MM folder with fr.yaml or en.yaml) in ${shown(editionsDir)}, got none`,
    );
  return editions[editions.length - 1];
}

/** The manifests of one edition, or of one of its languages. */
export async function editionFiles(id: string, options: { language?: string; editionsDir?: string } = {}): Promise<ManifestFile[]> {
  const editionsDir = options.editionsDir ?? projectPaths.editions;
  if (!EDITION_ID.test(id)) throw new EditionNotFoundError(`expected an edition id written YYYY-MM, like "2026-04", got "${id}"`);
  const { language } = options;
  checkLanguage(language);
  const all = await listManifests(editionsDir);
  const ofEdition = all.filter((m) => m.edition === id);
  // A manifest that is there but cannot be read as a file is named, not "no such edition".
  const broken = brokenManifests(path.join(editionsDir, id), language);
  if (broken && (!ofEdition.length || (language && !ofEdition.some((m) => m.language === language))))
    throw new EditionNotFoundError(broken);
  if (!ofEdition.length) {
    const available = [...new Set(all.map((m) => m.edition))];
    throw new EditionNotFoundError(
      `expected one of the editions in ${shown(editionsDir)} (${available.length ? available.join(", ") : "none yet"}), got "${id}"`,
    );
  }
  const files = language ? ofEdition.filter((m) => m.language === language) : ofEdition;
  if (!files.length)
    throw new EditionNotFoundError(
      `expected a ${language}.yaml in edition ${id}, got only ${orList(ofEdition.map((m) => `${m.language}.yaml`))}`,
    );
  return files;
}

/** What is wrong with an fr.yaml or en.yaml that is not a readable file (a dangling link, a folder), or undefined. */
function brokenManifests(folder: string, language?: string): string | undefined {
  for (const lang of language ? [language] : LANGUAGES) {
    const file = path.join(folder, `${lang}.yaml`);
    let link: ReturnType<typeof lstatSync>;
    try {
      link = lstatSync(file);
    } catch {
      continue;
    }
    if (link.isSymbolicLink()) {
      try {
        if (statSync(file).isFile()) continue;
        return `expected ${shown(file).slice(0, -1)} to be a YAML file, got a link to a folder (${readlinkSync(file)}): link it to the manifest itself`;
      } catch {
        return `expected ${shown(file).slice(0, -1)} to be a YAML file, got a link to ${readlinkSync(file)}, which does not exist: restore the file it names, or replace the link with the manifest`;
      }
    }
    if (link.isDirectory())
      return `expected ${shown(file).slice(0, -1)} to be a YAML file, got a folder: a manifest is one file, ${lang}.yaml`;
  }
  return undefined;
}
