// The command stops by itself only when its own parent is gone: a process
// group leader that exits while its background job runs (a script's `&`, a CI
// step) is not a reason to stop; a parent killed outright is, within ~1 s.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { brokenLink, parentChain } from "../../src/pipeline/parent-watch.js";
import { expectNothingLeft, filesUnder, scratch } from "../support/fault-kit.js";
import { commandLine, killGroup, processesMentioning, startProcess, waitFor } from "../support/run-cli.js";

let s: ReturnType<typeof scratch>;
let group: number | undefined;
afterEach(() => {
  killGroup(group);
  s?.done();
});

/** A Node.js parent that starts the build, says its child's pid, and records how it ended. */
function parentScript(): string {
  const file = path.join(s.dir, "parent.mjs");
  const [node, ...args] = commandLine("build-edition", ["2025-12", "--out-dir", s.out]);
  writeFileSync(
    file,
    `import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
const child = spawn(${JSON.stringify(node)}, ${JSON.stringify(args)}, { stdio: ["ignore", "inherit", "inherit"] });
console.log("child " + child.pid);
child.on("exit", (code, signal) => writeFileSync(${JSON.stringify(path.join(s.dir, "ended"))}, String(code ?? signal)));
`,
  );
  return file;
}

describe("the parent watch", () => {
  it("sees through `sh -c` to the process that started it, and not further", () => {
    // This test's process: its parent is vitest's (a node), not a shell.
    const chain = parentChain();
    expect(chain).toHaveLength(1);
    expect(chain[0].pid).toBe(process.pid);
    expect(brokenLink(chain)).toBeUndefined();
    expect(brokenLink([{ pid: process.pid, parent: 1 }])).toEqual({ pid: process.pid, parent: 1 });
  });

  it("a group leader that exits while the build runs does not stop it: the build ends 0", async () => {
    s = scratch();
    // The leader (sh) starts the parent in the background and exits at once.
    const run = startProcess("sh", ["-c", `node ${parentScript()} & exit 0`], { env: { TMPDIR: s.tmp }, limitMs: 90_000 });
    group = run.child.pid;
    const leaderExit = new Promise<number>((r) => run.child.on("exit", () => r(performance.now())));
    await waitFor(() => /\bload\b/.test(run.stdout()), 40_000, "the page load");
    const leaderEndedAt = await leaderExit;
    const r = await run.done;
    const ended = readFileSync(path.join(s.dir, "ended"), "utf8");
    console.log(
      `leader gone, parent alive: the build ended ${ended}, ${Math.round(performance.now() - leaderEndedAt)} ms after the leader`,
    );
    expect(r.stdout).not.toContain("has ended");
    expect(ended).toBe("0");
    expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf")).length).toBeGreaterThan(0);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("a parent killed outright (kill -9) stops the build within 6 s (1 s to notice, then the stop), leaving nothing", async () => {
    s = scratch();
    const run = startProcess("node", [parentScript()], { env: { TMPDIR: s.tmp }, limitMs: 90_000 });
    group = run.child.pid;
    await waitFor(() => /\bload\b/.test(run.stdout()), 40_000, "the page load");
    const command = Number(/child (\d+)/.exec(run.stdout())?.[1]);
    const alive = () => {
      try {
        process.kill(command, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(alive()).toBe(true);
    const killedAt = performance.now();
    process.kill(run.child.pid as number, "SIGKILL");
    await waitFor(() => !alive() && processesMentioning(s.tmp).length === 0, 6000, "the build to stop");
    const ms = Math.round(performance.now() - killedAt);
    console.log(`parent killed mid-build: the build stopped ${ms} ms after`);
    await waitFor(() => /Interrupted \(SIGHUP\)/.test(run.stderr()), 2000, "the build's message");
    expect(run.stderr()).toMatch(/The command that started this one \(process \d+\) has ended/);
    expect(ms).toBeLessThan(6000);
    expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    await expectNothingLeft(s.tmp, s.out);
  });
});
