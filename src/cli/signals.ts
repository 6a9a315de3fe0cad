// Ctrl-C (SIGINT), SIGTERM and SIGHUP end every command the same way: the
// first stops the work, closes the browser (killed if it takes over 2 s) and
// removes staged files and browser folders, then exits 128 + the signal's
// number; a second one, half a second or more later, does the removal at once
// and exits. (The repeat window exists because one Ctrl-C can arrive twice:
// from the terminal and relayed by npm or tsx.)
//
// npm 11 sends SIGINT and SIGTERM to the script's shell only, and sh passes
// nothing on: the package.json scripts `exec` the command so the signal lands
// on it. When the process that started us dies without telling us (npx, a
// killed npm), we stop as if hung up (src/pipeline/parent-watch.ts).
import { constants } from "node:os";
import { watchParent } from "../pipeline/parent-watch.js";
import { cleanupGently, cleanupNow } from "../runtime/cleanup.js";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const GENTLE_MS = 2000;
const REPEAT_MS = 500;

let installed = false;
let stopping = false;

/** Whether a signal is stopping the program: the errors of the work it interrupts are not news. */
export function interrupted(): boolean {
  return stopping;
}

export function installSignalHandlers(stderr: { write(text: string): unknown } = process.stderr): void {
  if (installed) return;
  installed = true;
  let first: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = 128 + (constants.signals[signal] ?? 2);
    const now = Date.now();
    if (first === undefined) {
      first = now;
      stopping = true;
      stderr.write(
        `\nInterrupted (${signal}): stopping and removing unfinished files (${signal === "SIGINT" ? "Ctrl-C again" : "again"} to stop at once).\n`,
      );
      void cleanupGently(GENTLE_MS).finally(() => process.exit(code));
    } else if (now - first >= REPEAT_MS) {
      cleanupNow();
      process.exit(code);
    }
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  watchParent((parent) => {
    stderr.write(`The command that started this one (process ${parent}) has ended.`);
    onSignal("SIGHUP");
  });
}
