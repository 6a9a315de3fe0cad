// verifyArchive(): is the archive still what was published? Every file
// against its recorded sha256 (superseded revisions too), the manifests in
// editions/ against the archived ones, and with `rebuild` the PDFs rebuilt
// from the archived manifests against the archived bytes. Reports; never repairs.
import { lstat, readdir, readFile, readlink } from "node:fs/promises";
import path from "node:path";
import { checkConformance, conformanceStandards } from "../conformance/check-pdf.js";
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
import { checkSignature, SIGNATURE_FILE, type SigningOptions } from "./signature.js";
import { leftovers } from "./staging.js";

export interface EditionCheck {
  id: string;
  folder: string;
  revision?: number;
  filesChecked: number;
  findings: Finding[];
  rebuild?: RebuildOutcome[];
  /** The principal of allowed_signers whose signature holds. */
  signer?: string;
  /** Neither signed nor asked to be (no allowed-signers file): an archive from before signing. */
  unsigned?: boolean;
  /** PDFs the conformance check ran on, and the standards they claim. */
  conformance?: { pdf: string; standards: string[]; known: number }[];
}

export interface VerifyOptions extends ArchiveLocation, SigningOptions {
  /** One edition; every archived edition when absent. */
  id?: string;
  rebuild?: boolean;
  /** false skips the conformance check of the archived PDFs (default: run it). */
  conformance?: boolean;
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
  const link = await readlink(folder).catch(() => undefined);
  if (link !== undefined) {
    // Whoever can change where it points can swap the whole archive, seal and signature included.
    check.findings.push({
      kind: "archive-not-plain",
      file: folder,
      message: `${shown(folder)} is a symbolic link (to ${link}), not the archive folder npm run archive writes: replace the link by the folder it points at, or restore the folder from version control`,
    });
    return check;
  }
  for (const left of await leftovers(folder))
    check.findings.push({
      kind: "interrupted",
      file: left,
      message: `${shown(left)} was left by an interrupted archive run; the next npm run archive -- ${id} cleans it up (the archived revision is kept as it is)`,
    });
  // The seal first: it covers the record itself, which the checks below trust;
  // the signature covers the seal.
  const sealed = await checkSeal(folder);
  const present = (await readdir(folder).catch(() => [] as string[])).length > 0;
  const signed = present ? await checkSignature(folder, id, options) : { findings: [] };
  sealed.findings.unshift(...signed.findings);
  if ("signer" in signed && signed.signer) check.signer = signed.signer;
  if ("unsigned" in signed && signed.unsigned) check.unsigned = true;
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
  const own = await checkFiles(folder, record, [SEAL_FILE, SIGNATURE_FILE]);
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
      check.findings.push(...(await checkFiles(dir, old, [REASON_FILE, SEAL_FILE, SIGNATURE_FILE])).findings);
      superseded.push(...(await checkSeal(dir, { extra: [REASON_FILE], movedOut: SUPERSEDED_DIR })).findings);
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      check.findings.push({ kind: "record-invalid", file: path.join(dir, RECORD_FILE), message: err.message });
    }
  }
  superseded.push(...(await checkChain(folder, record)));
  withSealFindings(check, [...sealed.findings, ...superseded]);
  check.findings.push(...(await checkManifests(folder, record, pathsOf(options).editions)));
  if (options.conformance !== false) check.findings.push(...(await conformanceOf(folder, record, check)));

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
      for (const r of check.rebuild.filter((o) => o.dataDiffers.length)) {
        const names = r.dataDiffers.slice(0, 5).join(", ") + (r.dataDiffers.length > 5 ? ` and ${r.dataDiffers.length - 5} more` : "");
        check.findings.push({
          kind: "rebuild-differs",
          file: path.join(folder, r.dataDiffers[0]),
          message: `the open data rebuilt from the archived manifest differs from the archived: ${names}${r.changed.length ? ` (changed since archiving: ${r.changed.map((c) => c.input).join(", ")})` : ""}`,
        });
      }
      for (const r of check.rebuild.filter((o) => !o.identical)) {
        const pdf = path.join(folder, r.pdf);
        const why = r.changed.length
          ? `changed since archiving: ${r.changed.map((c) => `${c.input} (${c.detail})`).join("; ")}`
          : culprit(
              r,
              check.findings.some((f) => f.kind !== "rebuild-skipped" && f.kind !== "conformance" && f.kind !== "manifest-edited"),
              Boolean(record.inputs.systemFonts),
            );
        check.findings.push({
          kind: "rebuild-differs",
          file: pdf,
          message: `${shown(pdf)}: the rebuilt PDF differs (sha256 ${r.rebuiltSha256.slice(0, 12)}…, archived ${r.archivedSha256.slice(0, 12)}…); ${why}`,
        });
      }
    }
  }
  return check;
}

/**
 * Why a rebuild differs when no recorded input changed. Builds are
 * deterministic (src/pdf/stable-ids.ts): rebuilds that agree with each other
 * and not with the archive point at the archived PDF, all the more when the
 * archive itself failed its checks; rebuilds that differ among themselves
 * point at the machine.
 */
function culprit(r: RebuildOutcome, archiveDamaged: boolean, fontsRecorded: boolean): string {
  const agree = r.rebuilds.length > 1 && new Set(r.rebuilds).size === 1;
  const nothing = `no recorded input changed (templates, assets, fonts, code, Chromium, Node, pdf-lib, puppeteer-core${fontsRecorded ? ", the system fonts" : ""})`;
  if (archiveDamaged)
    return `${nothing}, and the archive fails its checks above: the archived PDF is the likely culprit (replaced after archiving); restore it from version control`;
  if (agree)
    return (
      `${nothing} and ${r.rebuilds.length} rebuilds agree with each other byte for byte: the archived PDF is the likely culprit ` +
      `(replaced after archiving, with its record and seal rewritten to match?); compare it with version control` +
      (fontsRecorded ? "" : ", unless the system fonts changed (this archive does not record them)")
    );
  return `${nothing} and ${r.attempts} builds all differed from each other: something unrecorded varies on this machine${fontsRecorded ? "" : ", such as the system fonts"}`;
}

/** The conformance check on each archived PDF: what it fails of the standards it claims, beyond what was known when archived. */
async function conformanceOf(folder: string, record: ArchiveRecord, check: EditionCheck): Promise<Finding[]> {
  const findings: Finding[] = [];
  const damaged = new Set(check.findings.map((f) => f.file));
  check.conformance = [];
  for (const l of record.languages) {
    const file = path.join(folder, l.pdf);
    const standards = conformanceStandards(l.standards ?? []);
    // A PDF already named as changed or missing is not what was published: its conformance says nothing.
    if (
      !standards.length ||
      damaged.has(file) ||
      !(await lstat(file).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      continue;
    const known = new Set((l.conformance ?? []).map((f) => `${f.standard} ${f.rule} ${f.page ?? ""} ${f.object ?? ""}`));
    const result = await checkConformance(await readFile(file), standards);
    check.conformance.push({ pdf: l.pdf, standards, known: known.size });
    const fresh = result.findings.filter((f) => !known.has(`${f.standard} ${f.rule} ${f.page ?? ""} ${f.object ?? ""}`));
    if (!fresh.length) continue;
    const list = fresh.slice(0, 5).map((f) => `${f.standard} ${f.rule}${f.page ? ` p. ${f.page}` : ""}: ${f.message}`);
    findings.push({
      kind: "conformance",
      file,
      message: `${shown(file)} fails ${fresh.length} rule${fresh.length === 1 ? "" : "s"} of the standards it claims (${standards.join(", ")}): ${list.join("; ")}${fresh.length > 5 ? "; …" : ""}`,
    });
  }
  return findings;
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

/** The editions the catalog lists (published, or withheld by an earlier index), or a finding when it cannot be read. */
export async function catalogListed(options: ArchiveLocation): Promise<{ ids: string[]; finding?: Finding }> {
  const file = path.join(archiveRoot(options), "catalog.json");
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return { ids: [] };
  try {
    const data = JSON.parse(text) as { editions?: { edition?: unknown }[]; withheld?: { edition?: unknown }[] };
    const ids = [...(data.editions ?? []), ...(data.withheld ?? [])]
      .map((e) => e.edition)
      .filter((e): e is string => typeof e === "string");
    return { ids: [...new Set(ids)].sort() };
  } catch (err) {
    return {
      ids: [],
      finding: {
        kind: "catalog-invalid",
        file,
        message: `${shown(file)} is not the JSON npm run archive:index writes (${(err as Error).message}): run npm run archive:index`,
      },
    };
  }
}

function archiveMissing(id: string, options: VerifyOptions): EditionCheck {
  const folder = editionArchive(id, options);
  const catalog = path.join(archiveRoot(options), "catalog.json");
  return {
    id,
    folder,
    filesChecked: 0,
    findings: [
      {
        kind: "archive-missing",
        file: folder,
        message: `${shown(folder)}/ is gone, yet ${shown(catalog)} lists edition ${id} as published: restore it from version control (git checkout -- ${shown(folder)}); an edition withdrawn for good leaves the catalog by hand, its entries deleted from ${shown(catalog)}`,
      },
    ],
  };
}

export async function verifyArchive(options: VerifyOptions = {}): Promise<VerifyResult> {
  const start = performance.now();
  const listed = await catalogListed(options);
  const ids = options.id ? [options.id] : [...new Set([...(await editionsToCheck(options)), ...listed.ids])].sort();
  const editions: EditionCheck[] = [];
  if (listed.finding && !options.id) {
    const catalog: EditionCheck = { id: "catalog", folder: archiveRoot(options), filesChecked: 0, findings: [listed.finding] };
    options.onEdition?.(catalog);
    editions.push(catalog);
  }
  for (const id of ids) {
    let check = await checkEdition(id, options);
    if (check.revision === undefined && !check.findings.length && listed.ids.includes(id)) check = archiveMissing(id, options);
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
