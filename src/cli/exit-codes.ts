// The exit codes of every CLI of the project, and the one place that sets
// process.exitCode, so scripts and CI can tell a bad manifest from a missing browser.
import { inspect } from "node:util";
import { asCliFault } from "./fault-exit.js";
import { installSignalHandlers, interrupted } from "./signals.js";

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

export interface RunOptions {
  /** Print stack traces of unexpected errors. */
  debug: boolean;
  stderr?: { write(text: string): unknown };
}

/** "message ← cause ← cause", numbered, so a wrapped error keeps its origin. */
function causes(err: unknown): string {
  const chain: string[] = [];
  for (let e: unknown = err; e && chain.length < 5; e = (e as { cause?: unknown }).cause)
    // Not every thrown thing is an Error (a WebSocket ErrorEvent is not): its message, never "[object Object]".
    chain.push(
      e instanceof Error ? e.message : typeof (e as { message?: unknown }).message === "string" ? (e as Error).message : inspect(e),
    );
  return chain.length > 1 ? chain.map((m, i) => `  ${i + 1}. ${m}`).join("\n") : chain[0];
}

/**
 * Runs a CLI's main function and sets the exit code from what it returns or
 * throws. Never calls process.exit, so pending output is flushed first.
 */
export async function runCli(main: () => Promise<ExitReason>, options: RunOptions): Promise<void> {
  const stderr = options.stderr ?? process.stderr;
  let reason: ExitReason;
  installSignalHandlers();
  try {
    reason = await main();
  } catch (thrown) {
    // Stopped by a signal: its handler exits; the failures it caused are not reported.
    if (interrupted()) return;
    const err = asCliFault(thrown) ?? thrown;
    if (err instanceof CliError) {
      stderr.write(`${causes(err)}\n`);
      reason = err.reason;
    } else {
      const text = causes(err);
      stderr.write(`internal error: ${text.includes("\n") ? `\n${text}` : text}\n`);
      stderr.write(options.debug ? `${(err as Error)?.stack ?? inspect(err)}\n` : "run with --debug for the stack trace\n");
      reason = "internal";
    }
  }
  process.exitCode = EXIT_CODES[reason];
  // The result is known: whatever handle a failed browser left open (a
  // pending protocol timer, a socket) must not keep the command alive half a
  // second later; a clean run has exited long before. Output still on its
  // way to a slow reader (a pipe into less) is waited for.
  const exitWhenFlushed = () => {
    const pending = [process.stdout, process.stderr].find((s) => s.writableLength > 0);
    if (pending) pending.once("drain", exitWhenFlushed);
    else process.exit();
  };
  setTimeout(exitWhenFlushed, 500).unref();
}
