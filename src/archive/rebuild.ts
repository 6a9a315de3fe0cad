// `verify --rebuild`: build the archived manifests again with today's
// templates, assets, fonts and tools, and compare the bytes. When they differ,
// say which recorded input changed.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Language } from "../manifest/primitives.js";
import type { ProjectPaths } from "../paths.js";
import { makeWorkFolder } from "../pipeline/work-folder.js";
import { digestFile, listFiles } from "../runtime/hashing.js";
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
  /** The sha256 of each build, in order: builds that agree with each other and not with the archive point at the archived PDF. */
  rebuilds: string[];
  /** Files of the open data (relative to the archive folder) that the rebuild wrote differently, or not at all. */
  dataDiffers: string[];
}

/** The archived data folder against the one the rebuild wrote: the names that differ. */
async function dataDifferences(archived: string, rebuilt: string, rel: string): Promise<string[]> {
  const [was, is] = await Promise.all([listFiles(archived), listFiles(rebuilt)]);
  const out: string[] = [];
  for (const name of [...new Set([...was, ...is])].sort()) {
    const a = was.includes(name) ? (await digestFile(path.join(archived, name))).sha256 : undefined;
    const b = is.includes(name) ? (await digestFile(path.join(rebuilt, name))).sha256 : undefined;
    if (a !== b) out.push(`${rel}/${name}`);
  }
  return out;
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
  const shas = new Map<string, string[]>();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // Removed by Ctrl-C too (the cleanup registry), and swept by the next run after a kill -9.
    const workFolder = makeWorkFolder(`rebuild-${record.edition}`);
    const work = workFolder.path;
    try {
      const manifestOf = (language: Language) =>
        path.join(folder, record.languages.find((l) => l.language === language)?.manifest ?? `manifests/${language}.yaml`);
      const jobs = await buildArchived(
        paths,
        record.edition,
        sources,
        work,
        { sourceDateEpoch: record.sourceDateEpoch, allow: record.allow },
        manifestOf,
      );
      const changed = inputChanges(record, await inputsAndVersions(paths, jobs[0]?.chromium ?? "unknown"));
      const data = new Map<string, string[]>();
      for (const l of record.languages)
        if (l.data)
          data.set(l.language, await dataDifferences(path.join(folder, l.data), path.join(work, "output", record.edition, l.data), l.data));
      outcomes = record.languages.map((l) => {
        const rebuilt = jobs.find((j) => j.language === l.language)?.sha256 ?? "";
        const seen = shas.get(l.language) ?? [];
        seen.push(rebuilt);
        shas.set(l.language, seen);
        return {
          language: l.language,
          pdf: l.pdf,
          archivedSha256: l.sha256,
          rebuiltSha256: rebuilt,
          identical: rebuilt === l.sha256,
          attempts: attempt,
          changed,
          rebuilds: [...seen],
          dataDiffers: data.get(l.language) ?? [],
        };
      });
      // A changed input explains a difference: building again would not help.
      if (outcomes.every((o) => o.identical) || changed.some((c) => c.input !== "code")) return outcomes;
      // Nor would a third build after two that agree with each other: builds are
      // deterministic once the ids are renumbered (src/pdf/stable-ids.ts), so the
      // archived PDF, not Chromium, is what differs.
      if (attempt >= 2 && outcomes.every((o) => o.identical || new Set(o.rebuilds.slice(-2)).size === 1)) return outcomes;
    } finally {
      workFolder.remove();
    }
  }
  return outcomes;
}
