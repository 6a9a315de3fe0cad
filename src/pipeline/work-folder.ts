// A command's scratch folder in TMPDIR (preflight's PDFs, a rebuild's copy):
// removed by the command, by Ctrl-C or SIGTERM through the cleanup registry,
// and, when a run was killed outright, by the next run, which removes every
// such folder whose process is gone (the pid is in its name).
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onCleanup, processAlive } from "../runtime/cleanup.js";

const PREFIX = "observatory-work-";

export interface WorkFolder {
  path: string;
  /** Remove it now (and stop watching for it). */
  remove(): void;
}

/** `kind` ("preflight", "rebuild-2026-04") only helps a person reading TMPDIR. */
export function makeWorkFolder(kind: string): WorkFolder {
  sweepWorkFolders();
  const dir = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-${kind}-`));
  const removeNow = () => rmSync(dir, { recursive: true, force: true });
  const unregister = onCleanup(removeNow);
  return {
    path: dir,
    remove() {
      unregister();
      removeNow();
    },
  };
}

/** Remove the folders of runs that are gone; returns what was removed. */
export function sweepWorkFolders(tmp = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(tmp);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || processAlive(pid)) continue;
    try {
      rmSync(path.join(tmp, name), { recursive: true, force: true });
      removed.push(name);
    } catch {}
  }
  return removed;
}
