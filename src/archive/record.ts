// The record written beside an archived revision (archive.json): what was
// built, from what, with which tools, and the sha256 of every file kept.
// Read back through a schema so a hand-edited record fails with a clear message.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { Language } from "../manifest/primitives.js";
import { RECORD_FILE, shown } from "./locations.js";

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const Tree = z.object({ sha256: Sha, files: z.record(z.string(), Sha) });

export const ArchivedFile = z.object({ path: z.string(), bytes: z.number().int().nonnegative(), sha256: Sha });
export type ArchivedFile = z.infer<typeof ArchivedFile>;

export const BuildInputs = z.object({
  templates: Tree,
  assets: Tree,
  /** The @fontsource packages and the woff2 files fonts.css loads. */
  fonts: z.object({ sha256: Sha, packages: z.record(z.string(), z.string()), files: z.record(z.string(), Sha) }),
  /** This project's src/: the code that turned the manifest into the PDF. */
  code: Tree,
  /**
   * The fonts installed on the machine (fontconfig's list: path and size of each),
   * which Chromium falls back to for a glyph the project's fonts lack. Absent in
   * records made before it was recorded.
   */
  systemFonts: z.object({ sha256: Sha, count: z.number().int().nonnegative() }).optional(),
});
export type BuildInputs = z.infer<typeof BuildInputs>;

export const Versions = z.object({
  project: z.string(),
  node: z.string(),
  chromium: z.string(),
  /** "@cantoo/pdf-lib 2.11.1": the finishing library as it names itself (records made before hold the version alone). */
  "pdf-lib": z.string(),
  "puppeteer-core": z.string(),
});
export type Versions = z.infer<typeof Versions>;

export const ArchivedLanguage = z.object({
  language: Language,
  title: z.string(),
  label: z.string(),
  date: z.string(),
  pdf: z.string(),
  manifest: z.string(),
  thumbnail: z.string().optional(),
  pages: z.number().int().positive(),
  bytes: z.number().int().positive(),
  sha256: Sha,
  /** The standards the PDF claims ("PDF/A-3a", "PDF/UA-1"); absent in records made before it claimed any. */
  standards: z.array(z.string()).optional(),
  /** Who published it (the manifest's publisher), for the feed; absent in older records. */
  publisher: z.string().optional(),
  /** The web edition, <id>-<lang>-web.html; absent in records made before it was archived. */
  web: z.string().optional(),
  /** The open data folder, <id>-<lang>-data/ (datapackage.json, CSV, JSON); absent before it was archived. */
  data: z.string().optional(),
  /**
   * What the conformance check found when it was archived with preflight errors
   * allowed (--allow): known then, not reported again by verify. Absent when none.
   */
  conformance: z
    .array(z.object({ standard: z.string(), rule: z.string(), page: z.number().optional(), object: z.string().optional() }))
    .optional(),
});
export type ArchivedLanguage = z.infer<typeof ArchivedLanguage>;

export const ArchiveRecord = z.object({
  format: z.literal(1),
  edition: z.string(),
  revision: z.number().int().positive(),
  archivedAt: z.string(),
  supersedes: z
    .object({
      revision: z.number().int().positive(),
      archivedAt: z.string(),
      reason: z.string(),
      /** sha256 of superseded/<revision>/SHA256SUMS: the link to the revision before. */
      seal: Sha.optional(),
    })
    .optional(),
  sourceDateEpoch: z.number().optional(),
  /** Preflight rules allowed to fail when it was archived (--allow). */
  allow: z.array(z.string()).optional(),
  languages: z.array(ArchivedLanguage).min(1),
  /** The series across every edition as archived with it (series/<lang>/); absent before it was archived. */
  series: z.array(z.string()).optional(),
  files: z.array(ArchivedFile),
  inputs: BuildInputs,
  versions: Versions,
});
export type ArchiveRecord = z.infer<typeof ArchiveRecord>;

/** A record that exists but cannot be trusted: unreadable JSON or the wrong shape. */
export class RecordError extends Error {
  override name = "RecordError";
}

/** The record of the revision in `folder`, or undefined when there is none. */
export async function readRecord(folder: string): Promise<ArchiveRecord | undefined> {
  const file = path.join(folder, RECORD_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new RecordError(`${shown(file)}: expected JSON written by npm run archive, got ${(err as Error).message}`);
  }
  const parsed = ArchiveRecord.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RecordError(`${shown(file)}: ${issue.path.join(".") || "record"}: ${issue.message} (was it edited by hand?)`);
  }
  return parsed.data;
}

export async function writeRecord(folder: string, record: ArchiveRecord): Promise<void> {
  await writeFile(path.join(folder, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
}
