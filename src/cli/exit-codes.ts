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

/** What each code means, as `observatory --help` lists them; a command's help may word its own case. */
export const EXIT_WORDS: Record<ExitReason, string> = {
  ok: "done",
  invalidManifest: "invalid manifest (verify: differences found)",
  usage: "wrong arguments or unknown edition",
  noBrowser: "no browser",
  renderFailed: "template or render failure",
  outputNotWritten: "output not written",
  preflightFailed: "preflight errors",
  browserFailed: "the browser failed (did not start, stopped answering, crashed)",
  interrupted: "interrupted (Ctrl-C; SIGTERM exits 143)",
  internal: "internal error",
};

/** "Exit codes: 0 built, 1 …": the reasons in the order of their codes, each in the command's words or the table's, wrapped. */
export function exitCodesText(exits: Partial<Record<ExitReason, string | true>>, width = 78): string {
  const reasons = (Object.keys(EXIT_CODES) as ExitReason[]).filter((r) => exits[r] !== undefined);
  reasons.sort((a, b) => EXIT_CODES[a] - EXIT_CODES[b]);
  const items = reasons.map((r) => `${EXIT_CODES[r]} ${exits[r] === true ? EXIT_WORDS[r] : exits[r]}`);
  const lines: string[] = [];
  let line = "Exit codes:";
  for (const [i, item] of items.entries()) {
    const word = `${item}${i === items.length - 1 ? "." : ","}`;
    // A code stays on the line of its first word.
    const [code, first, ...rest] = word.split(" ");
    for (const part of [`${code} ${first}`, ...rest]) {
      if (line.length + 1 + part.length > width) {
        lines.push(line);
        line = part;
      } else line += ` ${part}`;
    }
  }
  return [...lines, line].join("\n");
}

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
