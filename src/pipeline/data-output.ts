// Where the open data go and when: an edition's beside its PDF, in the same
// staged commit (src/data/ makes the bytes); the series across every edition
// once per run and language, after the jobs, staged and renamed the same way.
import path from "node:path";
import { DATA_PACKAGE, editionDataFiles, seriesDataFiles } from "../data/data-files.js";
import type { DataFile } from "../data/data-package.js";
import { loadEditionIn } from "../diff/compare-editions.js";
import { listEditions } from "../manifest/discover.js";
import type { Edition } from "../manifest/edition-schema.js";
import type { Language } from "../manifest/primitives.js";
import type { ProjectPaths } from "../paths.js";
import type { Attachment } from "../pdf/attachments.js";
import { StagedFiles } from "../runtime/atomic-write.js";

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

/** Writes output/series/<lang>/ for each language; every edition in the folder, in that language where it exists. */
export async function writeSeries(paths: ProjectPaths, outputDir: string, languages: Language[], signal?: AbortSignal): Promise<string[]> {
  const ids = await listEditions(paths.editions);
  if (!ids.length) return [];
  const staged = new StagedFiles();
  const written: string[] = [];
  try {
    for (const language of new Set(languages)) {
      const editions = await Promise.all(ids.map((id) => loadEditionIn(id, language, paths.editions)));
      const dir = seriesDir(outputDir, language);
      for (const f of seriesDataFiles(editions, language, paths.templates)) {
        await staged.write(path.join(dir, f.name), f.bytes);
        written.push(path.join(dir, f.name));
      }
    }
    await staged.commit(signal);
    return written;
  } catch (err) {
    await staged.discard();
    throw err;
  }
}
