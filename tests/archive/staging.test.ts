// The atomic steps of archiving, without a browser: a revision appears whole
// or not at all, and what an interrupted run leaves behind is repaired.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArchiveRaceError, createStaging, leftovers, recover, swapIn } from "../../src/archive/staging.js";

let dir: string;
let final: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "archive-staging-"));
  final = path.join(dir, "published");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A pid no process has: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

async function staged(content: string): Promise<string> {
  const staging = await createStaging(final);
  writeFileSync(path.join(staging, "archive.json"), content);
  return staging;
}

describe("swapping a staged revision in", () => {
  it("renames the staging folder into place, beside it so the rename is atomic", async () => {
    const staging = await staged("r1");
    expect(path.dirname(staging)).toBe(dir);
    await swapIn(staging, final, false);
    expect(readFileSync(path.join(final, "archive.json"), "utf8")).toBe("r1");
    expect(readdirSync(dir)).toEqual(["published"]);
  });

  it("refuses when another run archived meanwhile, changing nothing", async () => {
    await swapIn(await staged("r1"), final, false);
    const late = await staged("other");
    await expect(swapIn(late, final, false)).rejects.toBeInstanceOf(ArchiveRaceError);
    expect(readFileSync(path.join(final, "archive.json"), "utf8")).toBe("r1");
  });

  it("replaces a revision and removes the one moved out", async () => {
    await swapIn(await staged("r1"), final, false);
    await swapIn(await staged("r2"), final, true);
    expect(readFileSync(path.join(final, "archive.json"), "utf8")).toBe("r2");
    expect(readdirSync(dir)).toEqual(["published"]);
  });
});

describe("recovering from an interrupted run", () => {
  it("puts back a revision moved out but never replaced (killed between the two renames)", async () => {
    const pid = deadPid();
    mkdirSync(path.join(dir, `.published.replaced-${pid}-0a0b0c0d`));
    writeFileSync(path.join(dir, `.published.replaced-${pid}-0a0b0c0d`, "archive.json"), "r1");
    mkdirSync(path.join(dir, `.published.staging-${pid}-01020304`));
    expect(await leftovers(final)).toHaveLength(2);
    const done = await recover(final);
    expect(done.join("\n")).toMatch(/restored .*published, left moved out by an interrupted archive run/);
    expect(readFileSync(path.join(final, "archive.json"), "utf8")).toBe("r1");
    expect(readdirSync(dir)).toEqual(["published"]);
  });

  it("removes a moved-out revision once the new one is in place", async () => {
    await swapIn(await staged("r2"), final, false);
    mkdirSync(path.join(dir, `.published.replaced-${deadPid()}-0a0b0c0d`));
    await recover(final);
    expect(readdirSync(dir)).toEqual(["published"]);
    expect(readFileSync(path.join(final, "archive.json"), "utf8")).toBe("r2");
  });

  it("leaves alone the staging folder of a run still going", async () => {
    // The parent (vitest's main process) is alive for the whole test.
    const running = path.join(dir, `.published.staging-${process.ppid}-0a0b0c0d`);
    mkdirSync(running);
    expect(await recover(final)).toEqual([]);
    expect(existsSync(running)).toBe(true);
  });
});
