// An archive revision is assembled in a staging folder beside its final place
// and renamed into place, so a reader never sees half of one. Replacing an
// archive (--force) takes two renames: POSIX cannot swap two non-empty folders
// atomically (Linux's renameat2 RENAME_EXCHANGE is not reachable from Node).
// An interruption between them leaves a `.replaced-` folder that recover()
// puts back, so the archive is always the old revision or the new one.
import { randomBytes } from "node:crypto";
import { existsSync, renameSync, rmSync } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { onCleanup } from "../runtime/cleanup.js";
import { shown } from "./locations.js";

const sibling = (final: string, kind: "staging" | "replaced") =>
  path.join(path.dirname(final), `.${path.basename(final)}.${kind}-${process.pid}-${randomBytes(4).toString("hex")}`);

export class ArchiveRaceError extends Error {
  override name = "ArchiveRaceError";
}

export async function createStaging(final: string): Promise<string> {
  const staging = sibling(final, "staging");
  await mkdir(staging, { recursive: true });
  // Interrupted (Ctrl-C): the half-built revision goes; once renamed into place, there is nothing here to remove.
  onCleanup(() => rmSync(staging, { recursive: true, force: true }));
  return staging;
}

/** Moves `staging` to `final`; with `replace`, the revision at `final` is moved out first and removed last. */
export async function swapIn(staging: string, final: string, replace: boolean): Promise<void> {
  if (!replace) {
    try {
      await rename(staging, final);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EEXIST" || code === "ENOTEMPTY")
        throw new ArchiveRaceError(`${shown(final)} was archived by another run meanwhile; nothing was changed`);
      throw err;
    }
    return;
  }
  const replaced = sibling(final, "replaced");
  // Interrupted between the two renames: the old revision goes back.
  const release = onCleanup(() => {
    if (!existsSync(final)) renameSync(replaced, final);
  });
  await rename(final, replaced);
  try {
    await rename(staging, final);
  } catch (err) {
    await rename(replaced, final);
    throw err;
  } finally {
    release();
  }
  await rm(replaced, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Repairs what an interrupted run left beside `final`: puts back a revision
 * moved out but not replaced, and removes stale staging folders. Folders of a
 * run still going (its process is alive) are left alone. Returns what it did.
 */
export async function recover(final: string): Promise<string[]> {
  const dir = path.dirname(final);
  const prefix = `.${path.basename(final)}.`;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.startsWith(prefix)).sort();
  const done: string[] = [];
  for (const name of names) {
    const m = /^(staging|replaced)-(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && alive(pid)) continue;
    const folder = path.join(dir, name);
    if (m[1] === "replaced" && !(await readdir(final).catch(() => undefined))) {
      await rename(folder, final);
      done.push(`restored ${shown(final)}, left moved out by an interrupted archive run`);
    } else {
      await rm(folder, { recursive: true, force: true });
      done.push(`removed ${shown(folder)}, left by an interrupted archive run`);
    }
  }
  return done;
}

/** What recover() would repair, without touching anything (for verify). */
export async function leftovers(final: string): Promise<string[]> {
  const prefix = `.${path.basename(final)}.`;
  return (await readdir(path.dirname(final)).catch(() => [] as string[]))
    .filter((n) => n.startsWith(prefix) && /^(staging|replaced)-\d+-[0-9a-f]+$/.test(n.slice(prefix.length)))
    .map((n) => path.join(path.dirname(final), n));
}

/** Copies a folder tree; `skip` sees each relative path. */
export async function copyTree(from: string, to: string, skip: (rel: string) => boolean = () => false, rel = ""): Promise<void> {
  await mkdir(path.join(to, rel), { recursive: true });
  for (const e of await readdir(path.join(from, rel), { withFileTypes: true })) {
    const child = rel ? path.join(rel, e.name) : e.name;
    if (skip(child)) continue;
    if (e.isDirectory()) await copyTree(from, to, skip, child);
    else if (e.isFile()) await copyFile(path.join(from, child), path.join(to, child));
  }
}
