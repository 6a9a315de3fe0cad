// Manifests edited after publication: each manifest in editions/ against the
// copy archived with the PDFs. Reported with the first line that differs, never
// republished: publishing an edit is a deliberate `archive --force`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listManifests } from "../manifest/discover.js";
import { digestFile } from "../runtime/hashing.js";
import type { Finding } from "./findings.js";
import { isFile, shown } from "./locations.js";
import type { ArchiveRecord } from "./record.js";

function firstDifference(archived: string, current: string): string {
  const a = archived.split("\n");
  const b = current.split("\n");
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? a.length : i;
  const show = (s: string | undefined) => (s === undefined ? "end of file" : JSON.stringify(s.trim().slice(0, 70)));
  return `first difference at line ${at + 1}: archived ${show(a[at])}, now ${show(b[at])}`;
}

/** The manifests in editions/ against the archived ones: an edit after publication is reported, not republished. */
export async function checkManifests(folder: string, record: ArchiveRecord, editionsDir: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  const current = (await listManifests(editionsDir).catch(() => [])).filter((m) => m.edition === record.edition);
  for (const l of record.languages) {
    const file = path.join(editionsDir, record.edition, `${l.language}.yaml`);
    const archived = record.files.find((f) => f.path === l.manifest);
    if (!(await isFile(file))) {
      findings.push({
        kind: "manifest-removed",
        file,
        message: `${shown(file)} is gone; the archive keeps the published copy, ${shown(path.join(folder, l.manifest))}`,
      });
      continue;
    }
    const now = await digestFile(file);
    if (archived && now.sha256 !== archived.sha256) {
      const before = await readFile(path.join(folder, l.manifest), "utf8").catch(() => "");
      const after = await readFile(file, "utf8");
      findings.push({
        kind: "manifest-edited",
        file,
        message:
          `${shown(file)} was edited after edition ${record.edition} was archived (${firstDifference(before, after)}). ` +
          `The archive keeps what was published; undo the edit, or publish it with npm run archive -- ${record.edition} --force --reason "why".`,
      });
    }
  }
  for (const m of current)
    if (!record.languages.some((l) => l.language === m.language))
      findings.push({
        kind: "manifest-added",
        file: m.file,
        message: `${shown(m.file)} is not in the archive of ${record.edition} (added after it was archived); publish it with --force --reason "why"`,
      });
  return findings;
}
