// A build whose preflight found errors that --allow does not name: no PDF of
// that job replaced the previous one; every job's findings travel with it.

import { blockingFindings } from "../preflight/rules.js";
import type { JobResult } from "./build-edition.js";

export class PreflightError extends Error {
  override name = "PreflightError";
  constructor(
    readonly jobs: JobResult[],
    readonly allow: readonly string[],
  ) {
    const failed = jobs.filter((j) => blockingFindings(j.preflight ?? [], allow).length);
    const errors = failed.reduce((n, j) => n + blockingFindings(j.preflight ?? [], allow).length, 0);
    super(
      `preflight found ${errors} error${errors === 1 ? "" : "s"} in ${failed.map((j) => `${j.id}-${j.language}`).join(", ")}; ` +
        `${failed.length === 1 ? "its PDF was" : "their PDFs were"} not written`,
    );
  }
}
