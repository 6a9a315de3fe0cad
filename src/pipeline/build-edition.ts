// The one build function: typed options in, files and a report out. The CLI,
// the preview server, the archive, the benchmark and the tests all call it.

import path from "node:path";
import { BrowserSession } from "../browser/browser-session.js";
import { checkFile, selectManifests } from "../checks/check-editions.js";
import { checkLanguagePairs } from "../checks/language-pair-check.js";
import { editionReader } from "../diff/edition-reader.js";
import type { ManifestFile } from "../manifest/discover.js";
import type { LoadedEdition } from "../manifest/load.js";
import { placeholderProblems } from "../manifest/placeholder.js";
import { ManifestError } from "../manifest/problem.js";
import { type ProjectPaths, projectPaths } from "../paths.js";
import { blockingFindings } from "../preflight/rules.js";
import { sweepOutputs } from "../runtime/atomic-write.js";
import { buildJob } from "./build-job.js";
import type { BuildOptions, BuildResult } from "./build-types.js";
import { writeSeries } from "./data-output.js";
import { mapLimit } from "./map-limit.js";
import { PreflightError } from "./preflight-error.js";
import { typesetInputs } from "./typeset-memo.js";

export type { BuildOptions, BuildReporter, BuildResult, JobResult, Profile } from "./build-types.js";

/** Every selected manifest is validated before anything is printed; all problems are reported at once. */
async function loadSelected(paths: ProjectPaths, options: BuildOptions): Promise<LoadedEdition[]> {
  const select = { editionsDir: paths.editions, language: options.language };
  const files: ManifestFile[] = [];
  if (options.all) files.push(...(await selectManifests({ ...select, all: true })));
  else if (options.editions?.length)
    for (const id of new Set(options.editions)) files.push(...(await selectManifests({ ...select, edition: id })));
  else files.push(...(await selectManifests(select)));
  const checks = await Promise.all(files.map((f) => checkFile(f)));
  // The two languages of a month carry the same data, or neither is printed. A draft (the
  // preview, --draft) is a proof of one file while its other language may be half updated.
  if (!options.draft) await checkLanguagePairs(checks, checkFile, paths.editions);
  const problems = checks.flatMap((c) => c.problems);
  // A value marked as not known yet is printed only in a draft (highlighted).
  if (!options.draft) for (const c of checks) if (c.parsed) problems.push(...placeholderProblems(c.file, c.source, c.parsed));
  if (problems.length) throw new ManifestError(problems);
  return checks.map((c) => ({ file: c.file, edition: c.parsed as NonNullable<typeof c.parsed>, source: c.source }));
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const start = performance.now();
  const paths = options.paths ?? projectPaths;
  const outputDir = options.outputDir ?? paths.output;
  // Chromium takes the longest to start: launch it while the manifests are read.
  const own = !options.htmlOnly && !options.session ? new BrowserSession() : undefined;
  own?.prelaunch();
  sweepOutputs(outputDir);
  let closing: Promise<void> | undefined;
  try {
    const loaded = await loadSelected(paths, options);
    const session = options.htmlOnly ? undefined : (options.session ?? own);
    // A failed job stops the run: our browser is stopped at once (the jobs in
    // flight fail fast and write nothing), and no job starts another one.
    const reader = editionReader(
      paths.editions,
      loaded.map((l) => l.edition),
    );
    // Started while the browser launches; a failed digest fails the jobs that await it.
    const inputs = session ? typesetInputs(paths) : undefined;
    inputs?.catch(() => {});
    // The browser is closed once every job is past it, while their last files and the series are written.
    let needing = loaded.length;
    const browserDone = () => {
      needing--;
      if (needing === 0 && session && (own || options.closeSession)) closing = session.close();
    };
    const jobs = await mapLimit(
      loaded,
      options.concurrency ?? 2,
      (l, signal) =>
        buildJob(l, { ...options, paths, outputDir, signal, reader, inputs, browserDone, alone: loaded.length === 1 }, session),
      () => own?.stop(),
    );
    // Every job ran (and wrote, when it could) before the failing ones are reported.
    if (jobs.some((j) => blockingFindings(j.preflight ?? [], options.allow).length)) throw new PreflightError(jobs, options.allow ?? []);
    // The series across every edition, in each language printed (never from a draft).
    const printed = options.draft ? [] : jobs.filter((j) => j.pdf).map((j) => j.language);
    const series = printed.length
      ? await writeSeries(paths, outputDir, printed, { signal: options.signal, reader, inputs: await inputs })
      : undefined;
    if (series)
      for (const dir of new Set(series.map((f) => path.dirname(f))))
        options.reporter?.file?.(path.relative(process.cwd(), paths.editions), path.relative(process.cwd(), dir));
    return { jobs, series, ms: Math.round(performance.now() - start) };
  } finally {
    await closing;
    await own?.stop();
  }
}
