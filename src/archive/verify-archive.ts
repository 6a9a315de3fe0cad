// verifyArchive(): is the archive still what was published? Every file
// against its recorded sha256 (superseded revisions too), the manifests in
// editions/ against the archived ones, and with `rebuild` the PDFs rebuilt
// from the archived manifests against the archived bytes. Reports; never repairs.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { EDITION_ID } from "../manifest/primitives.js";
import { digestFile, listFiles } from "../runtime/hashing.js";
import type { Finding } from "./findings.js";
import {
  type ArchiveLocation,
  archiveRoot,
  editionArchive,
  isFile,
  pathsOf,
  REASON_FILE,
  RECORD_FILE,
  SUPERSEDED_DIR,
  shown,
} from "./locations.js";
import { checkManifests } from "./manifest-drift.js";
import { type RebuildOutcome, rebuildArchived } from "./rebuild.js";
import { type ArchiveRecord, RecordError, readRecord } from "./record.js";
import { checkSeal, SEAL_FILE, sealDigest } from "./seal.js";
import { leftovers } from "./staging.js";

export interface EditionCheck {
  id: string;
  folder: string;
  revision?: number;
  filesChecked: number;
  findings: Finding[];
  rebuild?: RebuildOutcome[];
}

export interface VerifyOptions extends ArchiveLocation {
  /** One edition; every archived edition when absent. */
  id?: string;
  rebuild?: boolean;
  /** Called as each edition is done, so a long --rebuild shows progress. */
  onEdition?(check: EditionCheck): void;
}

export interface VerifyResult {
  editions: EditionCheck[];
  ok: boolean;
  ms: number;
}

export class NotArchivedError extends Error {
  override name = "NotArchivedError";
}

/** Files of one revision folder against its record. */
async function checkFiles(folder: string, record: ArchiveRecord, allowed: string[]): Promise<{ findings: Finding[]; checked: number }> {
  const findings: Finding[] = [];
  for (const f of record.files) {
    const file = path.join(folder, f.path);
    const now = await digestFile(file).catch(() => undefined);
    if (!now)
      findings.push({
        kind: "file-missing",
        file,
        message: `${shown(file)} is missing from the archive (recorded sha256 ${f.sha256.slice(0, 12)}…)`,
      });
    else if (now.sha256 !== f.sha256)
      findings.push({
        kind: "file-changed",
        file,
        message: `${shown(file)} changed after archiving: sha256 ${now.sha256.slice(0, 12)}… (${now.bytes} bytes), recorded ${f.sha256.slice(0, 12)}… (${f.bytes} bytes)`,
      });
  }
  const recorded = new Set([...record.files.map((f) => f.path), RECORD_FILE, ...allowed]);
  for (const rel of await listFiles(folder, (r) => r === SUPERSEDED_DIR))
    if (!recorded.has(rel))
      findings.push({
        kind: "file-unrecorded",
        file: path.join(folder, rel),
        message: `${shown(path.join(folder, rel))} is not in ${RECORD_FILE}: added after archiving?`,
      });
  return { findings, checked: record.files.length };
}

async function checkEdition(id: string, options: VerifyOptions): Promise<EditionCheck> {
  const folder = editionArchive(id, options);
  const check: EditionCheck = { id, folder, filesChecked: 0, findings: [] };
  for (const left of await leftovers(folder))
    check.findings.push({
      kind: "interrupted",
      file: left,
      message: `${shown(left)} was left by an interrupted archive run; the next npm run archive -- ${id} cleans it up (the archived revision is kept as it is)`,
    });
  // The seal first: it covers the record itself, which the checks below trust.
  const sealed = await checkSeal(folder);
  let record: ArchiveRecord | undefined;
  try {
    record = await readRecord(folder);
  } catch (err) {
    if (!(err instanceof RecordError)) throw err;
    check.findings.push({ kind: "record-invalid", file: path.join(folder, RECORD_FILE), message: err.message });
    return withSealFindings(check, sealed.findings);
  }
  if (!record) {
    if ((await readdir(folder).catch(() => [])).length)
      check.findings.push({
        kind: "record-missing",
        file: path.join(folder, RECORD_FILE),
        message: `${shown(path.join(folder, RECORD_FILE))} is missing: the archived files have no record (restore it from version control)`,
      });
    return withSealFindings(check, sealed.findings);
  }
  check.revision = record.revision;
  const own = await checkFiles(folder, record, [SEAL_FILE]);
  check.findings.push(...own.findings);
  check.filesChecked = Math.max(own.checked, sealed.checked);

  const superseded: Finding[] = [];
  for (const rev of (await readdir(path.join(folder, SUPERSEDED_DIR)).catch(() => [] as string[])).sort()) {
    const dir = path.join(folder, SUPERSEDED_DIR, rev);
    try {
      const old = await readRecord(dir);
      if (!old) {
        check.findings.push({ kind: "record-missing", file: path.join(dir, RECORD_FILE), message: `${shown(dir)} has no ${RECORD_FILE}` });
        continue;
      }
      check.findings.push(...(await checkFiles(dir, old, [REASON_FILE, SEAL_FILE])).findings);
      superseded.push(...(await checkSeal(dir, { extra: [REASON_FILE], movedOut: SUPERSEDED_DIR })).findings);
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      check.findings.push({ kind: "record-invalid", file: path.join(dir, RECORD_FILE), message: err.message });
    }
  }
  superseded.push(...(await checkChain(folder, record)));
  withSealFindings(check, [...sealed.findings, ...superseded]);
  check.findings.push(...(await checkManifests(folder, record, pathsOf(options).editions)));

  if (options.rebuild) {
    const damaged = own.findings.find((f) => record.languages.some((l) => f.file === path.join(folder, l.manifest)));
    if (damaged)
      check.findings.push({
        kind: "rebuild-skipped",
        file: damaged.file,
        message: `not rebuilt: an archived manifest is damaged (${shown(damaged.file)})`,
      });
    else {
      check.rebuild = await rebuildArchived(record, folder, pathsOf(options));
      for (const r of check.rebuild.filter((o) => !o.identical)) {
        const why = r.changed.length
          ? `changed since archiving: ${r.changed.map((c) => `${c.input} (${c.detail})`).join("; ")}`
          : `no recorded input changed (templates, assets, fonts, code, Chromium, Node, pdf-lib, puppeteer-core) and ${r.attempts} builds all differed: something unrecorded changed, such as the system fonts`;
        check.findings.push({
          kind: "rebuild-differs",
          file: path.join(folder, r.pdf),
          message: `${shown(path.join(folder, r.pdf))}: the rebuilt PDF differs (sha256 ${r.rebuiltSha256.slice(0, 12)}…, archived ${r.archivedSha256.slice(0, 12)}…); ${why}`,
        });
      }
    }
  }
  return check;
}

/** Seal findings, but one finding per file: the record's own, more precise, come first. */
function withSealFindings(check: EditionCheck, findings: Finding[]): EditionCheck {
  const seen = new Set(check.findings.map((f) => f.file));
  for (const f of findings) {
    if (seen.has(f.file)) continue;
    seen.add(f.file);
    check.findings.push(f);
  }
  return check;
}

/** Each revision names the seal of the one it superseded: a changed old revision breaks the chain. */
async function checkChain(folder: string, record: ArchiveRecord): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (let r: ArchiveRecord | undefined = record; r?.supersedes?.seal; ) {
    const dir = path.join(folder, SUPERSEDED_DIR, String(r.supersedes.revision));
    const now = await sealDigest(dir);
    if (now !== r.supersedes.seal)
      findings.push({
        kind: "chain-broken",
        file: path.join(dir, SEAL_FILE),
        message: `${shown(path.join(dir, SEAL_FILE))} is ${now ? `not the seal revision ${r.revision} was chained to (sha256 ${now.slice(0, 12)}…, recorded ${r.supersedes.seal.slice(0, 12)}…)` : `missing, though revision ${r.revision} was chained to it`}: superseded revision ${r.supersedes.revision} was changed`,
      });
    r = await readRecord(dir).catch(() => undefined);
  }
  return findings;
}

/** Editions with an archive, or with what an interrupted run left in its place. */
async function editionsToCheck(options: VerifyOptions): Promise<string[]> {
  const names = (await readdir(archiveRoot(options)).catch(() => [] as string[])).filter((n) => EDITION_ID.test(n)).sort();
  const ids: string[] = [];
  for (const id of names) {
    const folder = editionArchive(id, options);
    if (
      (await isFile(path.join(folder, RECORD_FILE))) ||
      (await readdir(folder).catch(() => undefined)) ||
      (await leftovers(folder)).length
    )
      ids.push(id);
  }
  return ids;
}

export async function verifyArchive(options: VerifyOptions = {}): Promise<VerifyResult> {
  const start = performance.now();
  const ids = options.id ? [options.id] : await editionsToCheck(options);
  const editions: EditionCheck[] = [];
  for (const id of ids) {
    const check = await checkEdition(id, options);
    if (check.revision === undefined && !check.findings.length) {
      if (options.id)
        throw new NotArchivedError(
          `edition ${id} is not archived (no ${shown(path.join(editionArchive(id, options), RECORD_FILE))}); archive it with npm run archive -- ${id}`,
        );
      continue;
    }
    options.onEdition?.(check);
    editions.push(check);
  }
  return { editions, ok: editions.every((e) => !e.findings.length), ms: Math.round(performance.now() - start) };
}
