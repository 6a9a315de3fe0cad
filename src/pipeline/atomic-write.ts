// Outputs are staged next to their destination and renamed into place only
// when every file of the job is ready: a failed build leaves the previous
// good files exactly as they were.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export class StagedFiles {
  private staged: { temp: string; final: string }[] = [];

  /** Path of a staging file beside `final` (same folder, so rename is atomic). */
  async stagePath(final: string): Promise<string> {
    await mkdir(path.dirname(final), { recursive: true });
    // Keep the extension last: Chromium decides how to show a file by it.
    const ext = path.extname(final);
    const stem = path.basename(final, ext);
    const temp = path.join(path.dirname(final), `.${stem}.tmp-${process.pid}-${randomBytes(4).toString("hex")}${ext}`);
    this.staged.push({ temp, final });
    return temp;
  }

  async write(final: string, data: string | Uint8Array): Promise<void> {
    const temp = await this.stagePath(final);
    await writeFile(temp, data);
  }

  /** Move every staged file into place. */
  async commit(): Promise<void> {
    for (const { temp, final } of this.staged) await rename(temp, final);
    this.staged = [];
  }

  /** Remove the staging files; the destinations are untouched. */
  async discard(): Promise<void> {
    await Promise.all(this.staged.map(({ temp }) => rm(temp, { force: true })));
    this.staged = [];
  }
}
