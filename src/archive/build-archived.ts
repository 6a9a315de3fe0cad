// Archiving and `verify --rebuild` build through here, the same way each time,
// so their bytes can be compared: from a snapshot of the manifests, one
// language at a time, each in a browser of its own. Chromium names the
// tagged-PDF structure elements after DOM node ids (`/ID (node00000230)`),
// which keep counting across the pages of one browser: the same edition,
// printed third in a browser, differs from itself printed first.
import path from "node:path";
import type { Language } from "../manifest/primitives.js";
import type { ProjectPaths } from "../paths.js";
import { build, type JobResult } from "../pipeline/build-edition.js";
import { snapshotEditions } from "./snapshot.js";

export async function buildArchived(
  paths: ProjectPaths,
  id: string,
  manifests: ReadonlyMap<Language, Uint8Array>,
  work: string,
  settings: { sourceDateEpoch?: number; allow?: string[] } = {},
): Promise<JobResult[]> {
  const editions = path.join(work, "editions");
  await snapshotEditions(paths.editions, editions, id, manifests);
  const jobs: JobResult[] = [];
  for (const language of manifests.keys()) {
    const result = await build({
      paths: { ...paths, editions },
      editions: [id],
      language,
      outputDir: path.join(work, "output"),
      ...settings,
    });
    jobs.push(...result.jobs);
  }
  return jobs;
}
