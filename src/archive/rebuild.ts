// `verify --rebuild`: build the archived manifests again with today's
// templates, assets, fonts and tools, and compare the bytes. When they differ,
// say which recorded input changed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Language } from "../manifest/primitives.js";
import type { ProjectPaths } from "../paths.js";
import { makeWorkFolder } from "../pipeline/work-folder.js";
import { buildArchived } from "./build-archived.js";
import { inputsAndVersions } from "./build-inputs.js";
import { type InputChange, inputChanges } from "./input-changes.js";
import type { ArchiveRecord } from "./record.js";

export interface RebuildOutcome {
  language: Language;
  /** The archived PDF, relative to the archive folder. */
  pdf: string;
  archivedSha256: string;
  rebuiltSha256: string;
  identical: boolean;
  /** Builds it took; more than 1 means Chromium's output varied with nothing changed. */
  attempts: number;
  /** Recorded inputs that differ now; may be non-empty even when identical. */
  changed: InputChange[];
}

/**
 * Chromium numbers the tagged-PDF structure elements after DOM node ids
 * (`/ID (node00000240)`), and now and then one run's ids are shifted by one
 * (about 1 build in 6 on this machine, nothing else different). So when no
 * recorded input changed and the bytes differ, the edition is built again, up
 * to MAX_ATTEMPTS times, and the attempts are reported rather than hidden.
 */
const MAX_ATTEMPTS = 3;

export async function rebuildArchived(record: ArchiveRecord, folder: string, paths: ProjectPaths): Promise<RebuildOutcome[]> {
  const sources = new Map(
    await Promise.all(record.languages.map(async (l) => [l.language, await readFile(path.join(folder, l.manifest))] as const)),
  );
  let outcomes: RebuildOutcome[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // Removed by Ctrl-C too (the cleanup registry), and swept by the next run after a kill -9.
    const folder = makeWorkFolder(`rebuild-${record.edition}`);
    const work = folder.path;
    try {
      const jobs = await buildArchived(paths, record.edition, sources, work, {
        sourceDateEpoch: record.sourceDateEpoch,
        allow: record.allow,
      });
      const changed = inputChanges(record, await inputsAndVersions(paths, jobs[0]?.chromium ?? "unknown"));
      outcomes = record.languages.map((l) => {
        const rebuilt = jobs.find((j) => j.language === l.language)?.sha256 ?? "";
        return {
          language: l.language,
          pdf: l.pdf,
          archivedSha256: l.sha256,
          rebuiltSha256: rebuilt,
          identical: rebuilt === l.sha256,
          attempts: attempt,
          changed,
        };
      });
      // A changed input explains a difference: building again would not help.
      if (outcomes.every((o) => o.identical) || changed.some((c) => c.input !== "code")) return outcomes;
    } finally {
      folder.remove();
    }
  }
  return outcomes;
}
