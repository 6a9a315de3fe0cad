// Ctrl-C during preflight leaves no work folder (before: its
// observatory-preflight-* folder stayed in TMPDIR, never swept); a folder left
// by a run killed outright is swept by the next run (preflight's and
// `verify --rebuild`'s alike).
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sweepWorkFolders } from "../../src/pipeline/work-folder.js";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { type CliRun, killGroup, startCli, waitFor } from "../support/run-cli.js";

let s: ReturnType<typeof scratch> | undefined;
let run: CliRun | undefined;
afterEach(() => {
  killGroup(run?.child.pid);
  s?.done();
});

describe("work folders", () => {
  it("Ctrl-C during preflight: exit 130, its work folder and browser folder removed", async () => {
    s = scratch();
    const tmp = s.tmp;
    run = startCli("preflight", ["2026-03"], { env: { TMPDIR: tmp }, limitMs: 60_000 });
    await waitFor(
      () =>
        readdirSync(tmp).some((n) => n.startsWith("observatory-work-")) &&
        readdirSync(tmp).some((n) => n.startsWith("observatory-browser-")),
      40_000,
      "the work folder and a browser",
    );
    const sentAt = performance.now();
    process.kill(run.child.pid as number, "SIGINT");
    const r = await run.done;
    const ms = Math.round(performance.now() - sentAt);
    console.log(`Ctrl-C during preflight: exit ${r.code} ${ms} ms after the signal`);
    expect(r.code).toBe(130);
    expect(ms).toBeLessThan(5000);
    await expectNothingLeft(tmp);
  });

  it("the folder of a run that was killed is swept by the next one; a live run's is kept", () => {
    s = scratch();
    const dead = path.join(s.tmp, "observatory-work-999999999-rebuild-2026-04-abc");
    const live = path.join(s.tmp, `observatory-work-${process.pid}-preflight-abc`);
    mkdirSync(path.join(dead, "2026-04"), { recursive: true });
    mkdirSync(live);
    expect(sweepWorkFolders(s.tmp)).toEqual([path.basename(dead)]);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});
