// Archiving and `verify --rebuild` build through here, the same way each time,
// so their bytes can be compared: from a snapshot of the manifests, one
// language at a time, each in a browser of its own. Chromium names the
// tagged-PDF structure elements after DOM node ids (`/ID (node00000230)`),
// which keep counting across the pages of one browser: the same edition,
// printed third in a browser, differs from itself printed first.
//
// The snapshot lives in a work folder that is gone by the time an error is
// printed: problems are reported at the files the snapshot copied instead
// (editions/<id>/<lang>.yaml when archiving, the archived manifest on rebuild).
import path from "node:path";
import type { Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import type { ProjectPaths } from "../paths.js";
import { build, type JobResult } from "../pipeline/build-edition.js";
import { PreflightError } from "../pipeline/preflight-error.js";
import { snapshotEditions } from "./snapshot.js";

export async function buildArchived(
  paths: ProjectPaths,
  id: string,
  manifests: ReadonlyMap<Language, Uint8Array>,
  work: string,
  settings: { sourceDateEpoch?: number; allow?: string[] } = {},
  /** Where the edition's own manifest of each language is to be reported (default editions/<id>/<lang>.yaml). */
  manifestOf?: (language: Language) => string,
): Promise<JobResult[]> {
  const editions = path.join(work, "editions");
  await snapshotEditions(paths.editions, editions, id, manifests);
  const real = (file: string) => {
    const rel = path.relative(editions, file);
    if (rel.startsWith("..") || path.isAbsolute(rel)) return file;
    const [edition, name] = rel.split(path.sep);
    const language = name?.replace(/\.yaml$/, "") as Language;
    return edition === id && manifestOf && manifests.has(language) ? manifestOf(language) : path.join(paths.editions, rel);
  };
  const jobs: JobResult[] = [];
  try {
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
  } catch (err) {
    throw reportedAt(err, editions, real);
  }
  return jobs;
}

/** The error with every path inside the snapshot replaced by the file it was copied from. */
function reportedAt(err: unknown, snapshot: string, real: (file: string) => string): unknown {
  if (err instanceof ManifestError) {
    const mapped = new ManifestError(err.problems.map((p) => ({ ...p, file: real(p.file) })));
    mapped.stack = err.stack;
    return mapped;
  }
  if (err instanceof PreflightError) {
    for (const j of err.jobs) j.manifest = real(j.manifest);
    return err;
  }
  if (err instanceof Error) {
    // Messages name files as given (absolute) or as shown (relative to where the command runs).
    const pattern = new RegExp(
      `(${[snapshot, path.relative(process.cwd(), snapshot)].map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})${path.sep === "/" ? "/" : "\\\\"}[^\\s:"')]+`,
      "g",
    );
    const wasRelative = (m: string) => !path.isAbsolute(m);
    err.message = err.message.replace(pattern, (m) => {
      const file = real(path.resolve(m));
      return wasRelative(m) ? path.relative(process.cwd(), file) : file;
    });
  }
  return err;
}
