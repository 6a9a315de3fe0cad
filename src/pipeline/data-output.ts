// Where the open data go and when: an edition's beside its PDF, in the same
// staged commit (src/data/ makes the bytes); the series across every edition
// once per run and language, after the jobs, staged and renamed the same way.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DATA_PACKAGE, editionDataFiles, seriesDataFiles } from "../data/data-files.js";
import type { DataFile } from "../data/data-package.js";
import { type EditionReader, editionReader } from "../diff/edition-reader.js";
import type { Edition } from "../manifest/edition-schema.js";
import type { Language } from "../manifest/primitives.js";
import type { ProjectPaths } from "../paths.js";
import type { Attachment } from "../pdf/attachments.js";
import { StagedFiles } from "../runtime/atomic-write.js";
import { digestEntries } from "../runtime/hashing.js";
import type { TypesetInputs } from "./typeset-memo.js";

/** output/<id>/<id>-<lang>-data/: the same for both profiles (the data do not depend on the print). */
export const dataDir = (outputDir: string, edition: Edition) =>
  path.join(outputDir, edition.edition.id, `${edition.edition.id}-${edition.edition.language}-data`);

export const editionData = (edition: Edition, templatesDir: string): DataFile[] => editionDataFiles(edition, templatesDir);

/** The same files as attachments of the PDF: the tables and their JSON as its Data, the descriptor as a Supplement. */
export const dataAttachments = (files: DataFile[]): Attachment[] =>
  files.map((f) => ({
    name: f.name,
    bytes: f.bytes,
    mediatype: f.mediatype,
    description: f.title,
    relationship: f.name === DATA_PACKAGE ? "Supplement" : "Data",
  }));

export const seriesDir = (outputDir: string, language: Language) => path.join(outputDir, "series", language);

/**
 * What a language's series was made from, beside its folder (not in it: the
 * archive takes the folder as it is): the digest of the run's inputs that
 * decide it and each file's sha256. A run with the same inputs keeps files that
 * are still those: a rebuild parses no manifest for them.
 */
const stampFile = (outputDir: string, language: Language) => path.join(outputDir, "series", `.inputs-${language}.json`);

interface SeriesStamp {
  key: string;
  files: Record<string, string>;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/** The series' files, when they are still the ones made from these inputs. */
async function keptSeries(outputDir: string, language: Language, key: string): Promise<string[] | undefined> {
  try {
    const stamp = JSON.parse(await readFile(stampFile(outputDir, language), "utf8")) as SeriesStamp;
    if (stamp.key !== key) return undefined;
    const dir = seriesDir(outputDir, language);
    const files = Object.entries(stamp.files).map(([name, digest]) => ({ file: path.join(dir, name), digest }));
    for (const { file, digest } of files) if (sha256(await readFile(file)) !== digest) return undefined;
    return files.map((f) => f.file);
  } catch {
    return undefined;
  }
}

/** The inputs a series is made from: every manifest, the templates' labels, the code and packages. */
export const seriesKey = (inputs: TypesetInputs, language: Language) =>
  digestEntries({ editions: inputs.editions, templates: inputs.templates, code: inputs.code, lock: inputs.lock, language });

/** Writes output/series/<lang>/ for each language; every edition in the folder, in that language where it exists. */
export async function writeSeries(
  paths: ProjectPaths,
  outputDir: string,
  languages: Language[],
  options: { signal?: AbortSignal; reader?: EditionReader; inputs?: TypesetInputs } = {},
): Promise<string[]> {
  const reader = options.reader ?? editionReader(paths.editions);
  const ids = await reader.ids();
  if (!ids.length) return [];
  const staged = new StagedFiles();
  const written: string[] = [];
  try {
    for (const language of new Set(languages)) {
      const key = options.inputs && seriesKey(options.inputs, language);
      const kept = key ? await keptSeries(outputDir, language, key) : undefined;
      if (kept) {
        written.push(...kept);
        continue;
      }
      const editions = await Promise.all(ids.map((id) => reader.load(id, language)));
      const dir = seriesDir(outputDir, language);
      const files = seriesDataFiles(editions, language, paths.templates);
      for (const f of files) {
        await staged.write(path.join(dir, f.name), f.bytes);
        written.push(path.join(dir, f.name));
      }
      if (key) {
        const stamp: SeriesStamp = { key, files: Object.fromEntries(files.map((f) => [f.name, sha256(f.bytes)])) };
        await staged.write(stampFile(outputDir, language), `${JSON.stringify(stamp, null, 2)}\n`);
      }
    }
    await staged.commit(options.signal);
    return written;
  } catch (err) {
    await staged.discard();
    throw err;
  }
}
