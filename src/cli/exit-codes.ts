// The exit codes of every CLI of the project, so scripts and CI can tell a bad
// manifest from a missing browser. run-cli.ts is the one place that sets process.exitCode.

export const EXIT_CODES = {
  ok: 0,
  /** A manifest has problems; they were printed. */
  invalidManifest: 1,
  /** Wrong arguments, or an edition that does not exist. */
  usage: 2,
  noBrowser: 3,
  renderFailed: 4,
  outputNotWritten: 5,
  /** Preflight found errors that --allow does not name; their PDFs were not written. */
  preflightFailed: 6,
  /** The browser did not start, stopped answering or died (not a bug of ours, not the manifest's). */
  browserFailed: 7,
  /** Stopped by Ctrl-C or SIGTERM (exits 128 + the signal number; see signals.ts). */
  interrupted: 130,
  /** A bug: an exception nobody expected. */
  internal: 70,
} as const;

export type ExitReason = keyof typeof EXIT_CODES;

/** An error the user can fix; its message is printed alone, without a stack trace. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly reason: ExitReason,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
