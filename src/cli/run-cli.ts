// Runs a command's main function and is the one place that sets
// process.exitCode: from the reason main returns, or from what it throws
// (error-exits.ts maps the errors of the pipeline to their reasons).
import { inspect } from "node:util";
import { exitReasonOf } from "./error-exits.js";
import { CliError, EXIT_CODES, type ExitReason } from "./exit-codes.js";
import { installSignalHandlers, interrupted } from "./signals.js";

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
    const known = thrown instanceof CliError ? undefined : exitReasonOf(thrown);
    const err = known ? new CliError((thrown as Error).message, known) : thrown;
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
