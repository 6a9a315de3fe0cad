// The one table from the errors the pipeline throws to the exit code each
// stands for. Keyed by the error's name (each of these classes sets it), not
// by instanceof: the table imports none of their modules, so a command pays
// nothing for errors it never meets, and no stage below the CLI hears of exit
// codes. An error here is printed by its message alone, without a stack trace:
// its message already says what to do. A command words one differently only
// when it has more to show (a manifest's problems with their lines, a
// template's position), and exits with the same reason.
import type { ExitReason } from "./exit-codes.js";

export const ERROR_EXITS = {
  ManifestError: "invalidManifest",
  EditionNotFoundError: "usage",
  NewEditionError: "usage",
  PageRangeError: "usage",
  NotArchivedError: "usage",
  AlreadyArchivedError: "usage",
  ArchiveRaceError: "usage",
  RecordError: "usage",
  SigningError: "usage",
  SigningToolError: "noBrowser",
  BrowserNotFoundError: "noBrowser",
  TemplateError: "renderFailed",
  OutputError: "outputNotWritten",
  PreflightError: "preflightFailed",
  BrowserFaultError: "browserFailed",
  // Raised where a fault arises with its own reason (src/runtime/fault-error.ts), which exitReasonOf reads first.
  FaultError: "usage",
} as const satisfies Record<string, ExitReason>;

/** The reason the table gives a thrown value, if it is one of its errors. */
export function exitReasonOf(err: unknown): ExitReason | undefined {
  // A fault raised where it arises carries its own reason (src/runtime/fault-error.ts).
  if (err instanceof Error && err.name === "FaultError" && "exit" in err) return err.exit as ExitReason;
  const name = err instanceof Error ? err.name : undefined;
  return name && Object.hasOwn(ERROR_EXITS, name) ? ERROR_EXITS[name as keyof typeof ERROR_EXITS] : undefined;
}
