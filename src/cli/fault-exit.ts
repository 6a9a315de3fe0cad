// Faults any command can meet, mapped to their exit codes in one place: a
// browser that failed, an output that could not be written. Their messages
// already say what to do, so they are printed alone, without a stack trace.
import { BrowserFaultError } from "../browser/browser-fault-error.js";
import { FaultError } from "../pipeline/fault-error.js";
import { OutputError } from "../pipeline/output-error.js";
import { CliError } from "./exit-codes.js";

export function asCliFault(err: unknown): CliError | undefined {
  if (err instanceof BrowserFaultError) return new CliError(err.message, "browserFailed");
  if (err instanceof OutputError) return new CliError(err.message, "outputNotWritten");
  if (err instanceof FaultError) return new CliError(err.message, err.exit);
  return undefined;
}
