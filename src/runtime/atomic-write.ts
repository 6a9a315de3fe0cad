// Outputs are staged next to their destination and renamed into place only
// when every file of the job is ready, and all of them or none: a failed
// build leaves the previous good files exactly as they were. Staged files are
// named after our process id, so a run that was killed leaves files the next
// run recognises as stale and removes.
import { randomBytes } from "node:crypto";
import { readdirSync, rmdirSync, rmSync } from "node:fs";
import { link, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { onCleanup, processAlive } from "./cleanup.js";
import { writing } from "./output-error.js";

const STAGED = /^\..+\.(?:tmp|old)-(\d+)-[0-9a-f]{8}(?:\.[^.]*)?$/;
const swept = new Set<string>();

/** Remove the staged files of runs that are no longer alive from `dir`. */
export function sweepStaged(dir: string): string[] {
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {}
  for (const name of names) {
    const pid = STAGED.exec(name)?.[1];
    if (!pid || processAlive(Number(pid))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/** sweepStaged() in every folder of `outputDir` (output/<id>/): what killed runs left anywhere. */
export function sweepOutputs(outputDir: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(outputDir);
  } catch {}
  for (const name of names) {
    const dir = path.join(outputDir, name);
    if (!swept.has(dir)) {
      swept.add(dir);
      sweepStaged(dir);
    }
  }
}

function sibling(final: string, kind: "tmp" | "old"): string {
  // Keep the extension last: Chromium decides how to show a file by it.
  const ext = path.extname(final);
  const stem = path.basename(final, ext);
  return path.join(path.dirname(final), `.${stem}.${kind}-${process.pid}-${randomBytes(4).toString("hex")}${ext}`);
}

export class StagedFiles {
  private staged: { temp: string; final: string }[] = [];
  /** Folders this job created: removed again, when empty, if the job writes nothing. */
  private created: string[] = [];
  private readonly unregister = onCleanup(() => {
    for (const { temp } of this.staged) rmSync(temp, { force: true });
    this.removeCreated();
  });

  private removeCreated(): void {
    for (const dir of this.created.reverse())
      try {
        rmdirSync(dir);
      } catch {}
    this.created = [];
  }

  /** Path of a staging file beside `final` (same folder, so rename is atomic). */
  async stagePath(final: string): Promise<string> {
    const dir = path.dirname(final);
    const made = await writing(dir, () => mkdir(dir, { recursive: true }));
    if (made) this.created.push(dir);
    if (!swept.has(dir)) {
      swept.add(dir);
      sweepStaged(dir);
    }
    const temp = sibling(final, "tmp");
    this.staged.push({ temp, final });
    return temp;
  }

  async writeStaged(temp: string, data: string | Uint8Array): Promise<void> {
    const final = this.staged.find((s) => s.temp === temp)?.final ?? temp;
    await writing(final, () => writeFile(temp, data));
  }

  async write(final: string, data: string | Uint8Array): Promise<void> {
    await this.writeStaged(await this.stagePath(final), data);
  }

  /**
   * Move every staged file into place, all or none: each destination is first
   * linked to a backup, and if one rename fails the ones done are undone.
   * Nothing moves once `signal` says the run has failed elsewhere.
   */
  async commit(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) {
      await this.discard();
      throw new Error("not written: the run stopped on an earlier error");
    }
    const done: { final: string; backup?: string }[] = [];
    try {
      for (const { temp, final } of this.staged) {
        const backup = sibling(final, "old");
        const had = await writing(final, () =>
          link(final, backup).then(
            () => true,
            (err: NodeJS.ErrnoException) => (err.code === "ENOENT" ? false : Promise.reject(err)),
          ),
        );
        done.push({ final, backup: had ? backup : undefined });
        await writing(final, () => rename(temp, final));
      }
    } catch (err) {
      for (const { final, backup } of done.reverse()) {
        if (backup) await rename(backup, final).catch(() => {});
        else await rm(final, { force: true }).catch(() => {});
      }
      await this.discard();
      throw err;
    }
    await Promise.all(done.map(({ backup }) => backup && rm(backup, { force: true })));
    this.staged = [];
    this.created = [];
    this.unregister();
  }

  /** Remove the staging files; the destinations are untouched. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map(({ temp }) => rm(temp, { force: true })));
    this.staged = [];
    this.removeCreated();
    this.unregister();
  }
}
