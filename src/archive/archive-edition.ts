// archiveEdition(): freeze a published edition. It is built afresh into a
// staging folder (PDFs, manifests, cover thumbnails, archive.json), then
// renamed into place in one step. An archived edition is never overwritten:
// `force` keeps the earlier revision under superseded/<n>/ with its reason.
import { lstat, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { type BrowserSession, withBrowser } from "../browser/browser-session.js";
import { editionFiles } from "../manifest/discover.js";
import type { Edition } from "../manifest/edition-schema.js";
import { parseManifest } from "../manifest/load.js";
import type { JobResult } from "../pipeline/build-edition.js";
import { seriesDir } from "../pipeline/data-output.js";
import { digestFile, listFiles } from "../runtime/hashing.js";
import { buildArchived } from "./build-archived.js";
import { inputsAndVersions } from "./build-inputs.js";
import { type ArchiveLocation, editionArchive, pathsOf, REASON_FILE, RECORD_FILE, SUPERSEDED_DIR, shown } from "./locations.js";
import { type ArchivedLanguage, type ArchiveRecord, readRecord, writeRecord } from "./record.js";
import { sealDigest, writeSeal } from "./seal.js";
import { checkSignature, SigningError, type SigningOptions, signingPlan, signSeal } from "./signature.js";
import { copyTree, createStaging, recover, swapIn } from "./staging.js";
import { coverThumbnail } from "./thumbnail.js";

export interface ArchiveReporter {
  /** Something done or noticed on the way, one line. */
  note?(line: string): void;
  file?(input: string, output: string): void;
}

export interface ArchiveEditionOptions extends ArchiveLocation, SigningOptions {
  id: string;
  /** Replace an archived revision; the reason is kept beside the old one. */
  force?: { reason: string };
  sourceDateEpoch?: number;
  /** Preflight rules whose errors may not stop publication; recorded, and used again on rebuild. */
  allow?: string[];
  reporter?: ArchiveReporter;
}

export interface ArchiveResult {
  id: string;
  folder: string;
  record: ArchiveRecord;
  /** Where the replaced revision went, with `force`. */
  superseded?: string;
  /** The principal of allowed_signers whose key signed the seal; undefined when unsigned. */
  signer?: string;
  ms: number;
}

/** Archiving again without --force, or into a folder that is not an archive. */
export class AlreadyArchivedError extends Error {
  override name = "AlreadyArchivedError";
}

async function revisionToReplace(folder: string, force: ArchiveEditionOptions["force"]): Promise<ArchiveRecord | undefined> {
  const link = await lstat(folder).then(
    (s) => s.isSymbolicLink(),
    () => false,
  );
  // Archiving through a link would write, and supersede, whatever it points at.
  if (link)
    throw new AlreadyArchivedError(
      `${shown(folder)} is a symbolic link: an archive is a folder of its own; replace the link by the folder it points at`,
    );
  const record = await readRecord(folder);
  if (!record) {
    if ((await listFiles(folder)).length)
      throw new AlreadyArchivedError(`${shown(folder)} holds files but no ${RECORD_FILE}; move them away first`);
    return undefined;
  }
  if (!force)
    throw new AlreadyArchivedError(
      `edition ${record.edition} is already archived in ${shown(folder)} (revision ${record.revision}, ${record.archivedAt}) and an archived edition is never overwritten.\n` +
        `To replace it, keeping this revision as superseded, run again with --force --reason "why".`,
    );
  if (!force.reason.trim())
    throw new AlreadyArchivedError('--force needs a reason (--reason "why"); it is kept with the superseded revision');
  return record;
}

/** The replaced revision, and those it had superseded, copied into the new revision's superseded/. */
async function keepSuperseded(folder: string, staging: string, old: ArchiveRecord, reason: string, now: string): Promise<string> {
  const target = path.join(staging, SUPERSEDED_DIR);
  await copyTree(path.join(folder, SUPERSEDED_DIR), target).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
  });
  const into = path.join(target, String(old.revision));
  await copyTree(folder, into, (rel) => rel === SUPERSEDED_DIR);
  const text = `Revision ${old.revision} of edition ${old.edition}, archived ${old.archivedAt}, superseded by revision ${old.revision + 1} on ${now}.\nReason: ${reason.trim()}\n`;
  await writeFile(path.join(into, REASON_FILE), text);
  return path.join(folder, SUPERSEDED_DIR, String(old.revision));
}

/** The seal of the revision kept in superseded/, which the new record names. */
async function chainTo(staging: string, old: ArchiveRecord): Promise<{ seal?: string }> {
  const seal = await sealDigest(path.join(staging, SUPERSEDED_DIR, String(old.revision)));
  return seal ? { seal } : {};
}

function shownAs(edition: Edition): Pick<ArchivedLanguage, "title" | "label" | "date"> {
  const e = edition.edition;
  return { title: e.title ?? `${e.publication} — ${e.label}`, label: e.label, date: e.date };
}

/** One built language moved into the staging folder: its PDF, web edition, open data, manifest and cover. */
async function placeJob(job: JobResult, staging: string, source: Buffer, session: BrowserSession): Promise<ArchivedLanguage> {
  const name = `${job.id}-${job.language}`;
  const manifest = `manifests/${job.language}.yaml`;
  await mkdir(path.join(staging, "manifests"), { recursive: true });
  await writeFile(path.join(staging, manifest), source);
  const built = path.dirname(job.pdf as string);
  await rename(job.pdf as string, path.join(staging, `${name}.pdf`));
  // Beside the PDF under the names the web edition links to (<id>-<lang>.pdf, <id>-<lang>-data/).
  const web = job.web ? `${name}-web.html` : undefined;
  if (job.web && web) await rename(job.web, path.join(staging, web));
  const data = job.data?.length ? `${name}-data` : undefined;
  if (data) await rename(path.join(built, data), path.join(staging, data));
  await coverThumbnail(session, path.join(staging, `${name}.pdf`), path.join(staging, `${name}.cover`));
  const thumbnail = `${name}.cover.png`;
  // Valid: the build has just read these very bytes.
  const edition = parseManifest(source.toString("utf8"), job.manifest).edition as Edition;
  return {
    language: job.language,
    ...shownAs(edition),
    pdf: `${name}.pdf`,
    manifest,
    thumbnail,
    pages: job.pages ?? 0,
    bytes: job.bytes ?? 0,
    sha256: job.sha256 as string,
    standards: job.standards,
    publisher: edition.edition.publisher,
    ...(web ? { web } : {}),
    ...(data ? { data } : {}),
    ...(job.conformance?.findings.length
      ? { conformance: job.conformance.findings.map(({ standard, rule, page, object }) => ({ standard, rule, page, object })) }
      : {}),
  };
}

export async function archiveEdition(options: ArchiveEditionOptions): Promise<ArchiveResult> {
  const start = performance.now();
  const paths = pathsOf(options);
  const { id, reporter } = options;
  const manifests = await editionFiles(id, { editionsDir: paths.editions });
  const folder = editionArchive(id, options);
  for (const line of await recover(folder)) reporter?.note?.(line);
  const old = await revisionToReplace(folder, options.force);
  // A key the allowed-signers file does not list is refused before the build, not after.
  const signing = await signingPlan(options);
  const now = new Date().toISOString();

  await mkdir(path.dirname(folder), { recursive: true });
  const staging = await createStaging(folder);
  try {
    const sources = new Map(await Promise.all(manifests.map(async (m) => [m.language, await readFile(m.file)] as const)));
    const allow = options.allow?.length ? [...new Set(options.allow)].sort() : undefined;
    const jobs = await buildArchived(paths, id, sources, path.join(staging, ".build"), { sourceDateEpoch: options.sourceDateEpoch, allow });

    const languages: ArchivedLanguage[] = [];
    // The covers are drawn by a Chromium of their own, after the builds (each
    // of which has its own, for byte-identical PDFs).
    await withBrowser(async (session) => {
      for (const job of jobs) {
        languages.push(await placeJob(job, staging, sources.get(job.language) as Buffer, session));
        reporter?.file?.(
          shown(path.join(paths.editions, id, `${job.language}.yaml`)),
          shown(path.join(folder, `${id}-${job.language}.pdf`)),
        );
      }
    });
    // The series across every edition, in each language, as it stood when this one was published.
    const series: string[] = [];
    for (const job of jobs) {
      const from = seriesDir(path.join(staging, ".build", "output"), job.language);
      const to = `series/${job.language}`;
      await mkdir(path.join(staging, "series"), { recursive: true });
      if (
        await rename(from, path.join(staging, to)).then(
          () => true,
          () => false,
        )
      )
        series.push(to);
    }
    await rm(path.join(staging, ".build"), { recursive: true, force: true });

    // `old` is only set with `force` (revisionToReplace refuses otherwise).
    const reason = options.force?.reason.trim() ?? "";
    const superseded = old ? await keepSuperseded(folder, staging, old, reason, now) : undefined;
    const files = [];
    for (const rel of await listFiles(staging, (r) => r === RECORD_FILE || r === SUPERSEDED_DIR))
      files.push({ path: rel, ...(await digestFile(path.join(staging, rel))) });
    const record: ArchiveRecord = {
      format: 1,
      edition: id,
      revision: old ? old.revision + 1 : 1,
      archivedAt: now,
      ...(old ? { supersedes: { revision: old.revision, archivedAt: old.archivedAt, reason, ...(await chainTo(staging, old)) } } : {}),
      ...(options.sourceDateEpoch !== undefined ? { sourceDateEpoch: options.sourceDateEpoch } : {}),
      ...(allow ? { allow } : {}),
      languages,
      ...(series.length ? { series } : {}),
      files,
      ...(await inputsAndVersions(paths, jobs[0]?.chromium ?? "unknown")),
    };
    await writeRecord(staging, record);
    // Last: the seal covers every file of the new revision, the record and superseded/ included.
    await writeSeal(staging);
    let signer: string | undefined;
    if (signing) {
      await signSeal(staging, signing.key);
      // Checked as verify will check it, before anything is in place.
      const signed = await checkSignature(staging, id, options);
      if (signed.findings.length) throw new SigningError(signed.findings.map((f) => f.message).join("; "));
      signer = signed.signer;
    }
    await swapIn(staging, folder, Boolean(old));
    return { id, folder, record, superseded, signer, ms: Math.round(performance.now() - start) };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
}
