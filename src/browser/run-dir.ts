// Each browser gets a folder of its own in TMPDIR, named after our process:
// its profile and its temporary files (Chromium's own TMPDIR), removed when
// the browser closes. A run that was killed (kill -9) cannot remove it, so the
// next run removes every such folder whose process is gone.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { processAlive } from "../runtime/cleanup.js";
import { FaultError } from "../runtime/fault-error.js";

const PREFIX = "observatory-browser-";

export interface RunDir {
  root: string;
  profile: string;
  tmp: string;
}

export function makeRunDir(): RunDir {
  sweepRunDirs();
  let root: string;
  try {
    root = mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
  } catch (err) {
    throw tmpFault(err);
  }
  const dir = { root, profile: path.join(root, "profile"), tmp: path.join(root, "tmp") };
  try {
    mkdirSync(dir.profile);
    mkdirSync(dir.tmp);
  } catch (err) {
    removeRunDir(dir);
    throw tmpFault(err);
  }
  return dir;
}

/** The temporary folder cannot hold the browser's folder: said as such (exit 5), not as an internal error. */
function tmpFault(err: unknown): FaultError {
  const code = (err as NodeJS.ErrnoException).code;
  const where = process.env.TMPDIR ? `TMPDIR=${process.env.TMPDIR}` : `the temporary folder ${os.tmpdir()}`;
  const why =
    code === "ENOENT" || code === "ENOTDIR"
      ? "names no folder: create it, or unset TMPDIR"
      : code === "ENOSPC"
        ? "is full: free some space there, or point TMPDIR at another folder"
        : `cannot be written (${code ?? (err as Error).message}): fix its permissions, or point TMPDIR at another folder`;
  return new FaultError(`${where} ${why} (the browser keeps its profile there)`, "outputNotWritten", { cause: err });
}

/** Under 64 MB free where the browser keeps its profile: a browser that failed there failed for want of space. */
export function tmpFullFault(dir: RunDir): FaultError | undefined {
  try {
    const fs = statfsSync(dir.root);
    if (fs.bavail * fs.bsize >= 64 * 1024 * 1024) return undefined;
  } catch {
    return undefined;
  }
  return tmpFault(Object.assign(new Error("no space left"), { code: "ENOSPC" }));
}

/**
 * Kill every process started with this folder as its profile: a browser
 * still starting (Puppeteer has not handed us its process yet) included.
 * Linux's /proc; elsewhere nothing is found and the pipe ends the browser.
 */
export function killRunDirProcesses(dir: RunDir): void {
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((n) => /^\d+$/.test(n));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(`--user-data-dir=${dir.profile}`)) process.kill(Number(pid), "SIGKILL");
    } catch {}
  }
}

export function removeRunDir(dir: RunDir): void {
  // Chromium may still be writing as it exits: retry a few times.
  rmSync(dir.root, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
}

/** removeRunDir() off the main thread; never fails (what is left, the next run's sweep removes). */
export function removeRunDirLater(dir: RunDir): Promise<void> {
  return rm(dir.root, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 }).catch(() => {});
}

/** Remove the folders of browsers whose run is no longer alive. */
export function sweepRunDirs(tmp = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (!pid || processAlive(Number(pid))) continue;
    try {
      rmSync(path.join(tmp, name), { recursive: true, force: true });
      removed.push(name);
    } catch {}
  }
  return removed;
}
