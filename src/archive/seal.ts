// The seal of an archive folder: SHA256SUMS, the sha256 of every file under
// it (archive.json, dot-files and superseded revisions included), in the
// format `sha256sum -c SHA256SUMS` reads. A revision that supersedes another
// records the sha256 of the older one's seal, so the revisions form a chain.
// verify names any byte changed, file added or removed, link or empty folder.
import { lstat, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { digestFile, sha256 } from "../runtime/hashing.js";
import type { Finding } from "./findings.js";
import { shown } from "./locations.js";
import { SIGNATURE_FILE } from "./signature.js";

export const SEAL_FILE = "SHA256SUMS";

interface Entry {
  rel: string;
  kind: "file" | "folder" | "link" | "other";
  empty?: boolean;
}

/** Every entry under `dir`, dot-files too, relative with "/", sorted. */
async function walk(dir: string, rel = ""): Promise<Entry[]> {
  const found: Entry[] = [];
  const names = (await readdir(path.join(dir, rel))).sort();
  for (const name of names) {
    const child = rel ? `${rel}/${name}` : name;
    const stat = await lstat(path.join(dir, child));
    if (stat.isDirectory()) {
      const inner = await walk(dir, child);
      found.push({ rel: child, kind: "folder", empty: inner.length === 0 }, ...inner);
    } else found.push({ rel: child, kind: stat.isFile() ? "file" : stat.isSymbolicLink() ? "link" : "other" });
  }
  return found;
}

/** Writes `folder`/SHA256SUMS over every file in it; returns the seal's own sha256. */
export async function writeSeal(folder: string): Promise<string> {
  const lines: string[] = [];
  for (const e of await walk(folder))
    if (e.kind === "file" && e.rel !== SEAL_FILE && e.rel !== SIGNATURE_FILE)
      lines.push(`${(await digestFile(path.join(folder, e.rel))).sha256}  ${e.rel}`);
  const text = `${lines.join("\n")}\n`;
  await writeFile(path.join(folder, SEAL_FILE), text);
  return sha256(text);
}

/** The seal's own sha256, or undefined when there is none. */
export async function sealDigest(folder: string): Promise<string | undefined> {
  return readFile(path.join(folder, SEAL_FILE)).then(sha256, () => undefined);
}

export interface SealScope {
  /** Files added beside a superseded revision when it was superseded (REASON). */
  extra?: string[];
  /** A folder a superseded revision's seal lists but whose files moved up (its own superseded/). */
  movedOut?: string;
}

/** Everything under `folder` against its seal. */
export async function checkSeal(folder: string, scope: SealScope = {}): Promise<{ findings: Finding[]; checked: number }> {
  const seal = path.join(folder, SEAL_FILE);
  const entries = await walk(folder).catch(() => [] as Entry[]);
  const sealEntry = entries.find((e) => e.rel === SEAL_FILE);
  // A link could point at a seal kept elsewhere, written by anyone: only the folder's own file counts.
  if (sealEntry && sealEntry.kind !== "file")
    return {
      checked: 0,
      findings: [
        {
          kind: "file-not-plain",
          file: seal,
          message: `${shown(seal)} is a ${sealEntry.kind === "link" ? "symbolic link" : sealEntry.kind}, not the seal written by npm run archive: nothing vouches for this archive (restore it from version control)`,
        },
      ],
    };
  const text = await readFile(seal, "utf8").catch(() => undefined);
  if (text === undefined)
    return {
      checked: 0,
      findings: entries.length
        ? [
            {
              kind: "seal-missing",
              file: seal,
              message: `${shown(seal)} is missing: nothing vouches for the files of this archive (restore it from version control, or archive again with --force)`,
            },
          ]
        : [],
    };
  const findings: Finding[] = [];
  const listed = new Map<string, string>();
  for (const [i, line] of text.split("\n").entries()) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m && scope.movedOut && m[2].startsWith(`${scope.movedOut}/`)) continue;
    if (m) listed.set(m[2], m[1]);
    else
      findings.push({
        kind: "seal-invalid",
        file: seal,
        message: `${shown(seal)} line ${i + 1}: expected "<sha256>  <path>", got "${line.slice(0, 60)}"`,
      });
  }
  const present = new Map(entries.map((e) => [e.rel, e]));
  for (const [rel, recorded] of listed) {
    const file = path.join(folder, rel);
    const entry = present.get(rel);
    if (!entry)
      findings.push({
        kind: "file-missing",
        file,
        message: `${shown(file)} is missing from the archive (recorded sha256 ${recorded.slice(0, 12)}…)`,
      });
    else if (entry.kind !== "file")
      findings.push({
        kind: "file-not-plain",
        file,
        message: `${shown(file)} is a ${entry.kind === "link" ? "symbolic link" : entry.kind}, where a file was archived (was it replaced?)`,
      });
    else {
      const now = await digestFile(file);
      if (now.sha256 !== recorded)
        findings.push({
          kind: "file-changed",
          file,
          message: `${shown(file)} changed after archiving: sha256 ${now.sha256.slice(0, 12)}… (${now.bytes} bytes), recorded ${recorded.slice(0, 12)}…`,
        });
    }
  }
  for (const e of entries) {
    // The signature is made over the seal, after it: never listed in it.
    if (
      e.rel === SEAL_FILE ||
      e.rel === SIGNATURE_FILE ||
      listed.has(e.rel) ||
      scope.extra?.includes(e.rel) ||
      (e.kind === "folder" && !e.empty)
    )
      continue;
    const file = path.join(folder, e.rel);
    findings.push(
      e.kind === "folder"
        ? { kind: "file-unrecorded", file, message: `${shown(file)}/ is an empty folder, added after archiving` }
        : { kind: "file-unrecorded", file, message: `${shown(file)} is not in ${SEAL_FILE}: added after archiving?` },
    );
  }
  return { findings, checked: listed.size };
}
