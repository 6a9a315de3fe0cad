// Signals end every command cleanly however it was started (the command
// itself, npm run, npx): exit 128 + signal, no process, no staged file, no
// browser folder left; a second Ctrl-C ends at once; a run after a kill -9
// removes what the dead run left.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expectNothingLeft, filesUnder, scratch } from "../support/fault-kit.js";
import { copyProject } from "../support/project-copy.js";
import {
  type CliRun,
  killGroup,
  processesMentioning,
  runCli,
  startCli,
  startInTerminal,
  startProcess,
  waitFor,
} from "../support/run-cli.js";

let s: ReturnType<typeof scratch>;
afterEach(() => s?.done());

const buildArgs = () => ["2025-12", "--out-dir", s.out];
const staged = () => filesUnder(s.out).filter((f) => /\.tmp-\d+-/.test(f));
/** Mid-build: the browser runs and the HTML is staged beside its destination. */
const midBuild = (run: CliRun) => waitFor(() => /\bload\b/.test(run.stdout()), 40_000, "the page load");

async function interrupt(run: CliRun, pid: number, signal: NodeJS.Signals) {
  await midBuild(run);
  expect(staged().length).toBeGreaterThan(0);
  expect(readdirSync(s.tmp).some((n) => n.startsWith("observatory-browser-"))).toBe(true);
  const sentAt = performance.now();
  process.kill(pid, signal);
  const r = await run.done;
  const ms = Math.round(performance.now() - sentAt);
  // Stopped before its end: no PDF was written.
  expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
  console.log(`${signal} to ${path.basename(run.child.spawnfile)} mid-build: exit ${r.code ?? r.signal} ${ms} ms after the signal`);
  return { ...r, afterSignal: ms };
}

describe("signals", () => {
  it("SIGINT to the command mid-build: exit 130 within 3 s, nothing left", async () => {
    s = scratch();
    const run = startCli("build-edition", buildArgs(), { env: { TMPDIR: s.tmp } });
    const r = await interrupt(run, run.child.pid as number, "SIGINT");
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("Interrupted (SIGINT)");
    expect(r.afterSignal).toBeLessThan(3000);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("SIGTERM to the command mid-build: exit 143, nothing left", async () => {
    s = scratch();
    const run = startCli("build-edition", buildArgs(), { env: { TMPDIR: s.tmp } });
    const r = await interrupt(run, run.child.pid as number, "SIGTERM");
    expect(r.code).toBe(143);
    expect(r.afterSignal).toBeLessThan(3000);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("a second Ctrl-C ends at once, even while the browser will not close", async () => {
    s = scratch();
    const run = startCli("build-edition", buildArgs(), { env: { TMPDIR: s.tmp } });
    await midBuild(run);
    // A frozen browser makes the first, gentle stop wait its full 2 s.
    for (const line of processesMentioning(s.tmp).filter((l) => /chrom/.test(l))) process.kill(Number(line.split(/\s+/)[0]), "SIGSTOP");
    process.kill(run.child.pid as number, "SIGINT");
    await new Promise((r) => setTimeout(r, 700));
    const secondAt = performance.now();
    process.kill(run.child.pid as number, "SIGINT");
    const r = await run.done;
    const ms = Math.round(performance.now() - secondAt);
    console.log(`second Ctrl-C: exit ${r.code} ${ms} ms after it`);
    expect(r.code).toBe(130);
    expect(ms).toBeLessThan(700);
    await expectNothingLeft(s.tmp, s.out);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const)
    it(`${signal} to npm run build:edition reaches the build: nothing left`, async () => {
      s = scratch();
      const run = startProcess("npm", ["run", "--silent", "build:edition", "--", ...buildArgs()], { env: { TMPDIR: s.tmp } });
      const r = await interrupt(run, run.child.pid as number, signal);
      expect(r.afterSignal).toBeLessThan(4000);
      expect(r.timedOut).toBe(false);
      await expectNothingLeft(s.tmp, s.out);
    });

  it("Ctrl-C typed in a terminal during npm run build:edition: exit 130, nothing left", async () => {
    s = scratch();
    const run = startInTerminal(`npm run --silent build:edition -- ${buildArgs().join(" ")}`, { env: { TMPDIR: s.tmp } });
    await midBuild(run);
    const typedAt = performance.now();
    run.child.stdin?.write("\x03");
    const r = await run.done;
    const ms = Math.round(performance.now() - typedAt);
    console.log(`Ctrl-C typed in a terminal mid-build: ${ms} ms to the end`);
    expect(r.stdout).toContain("Interrupted (SIGINT)");
    expect(r.timedOut).toBe(false);
    expect(ms).toBeLessThan(3000);
    expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    await expectNothingLeft(s.tmp, s.out);
  });

  // npm passes SIGINT on to the shell it starts the command with; Debian's sh kept it from the
  // command (which wrote every PDF, then npx ended 130). The project's .npmrc starts it with bash,
  // which runs the command in its own place, so the SIGINT reaches the command.
  it("SIGINT to npx observatory mid-build: exit 130 within 3 s, no PDF, nothing left", async () => {
    s = scratch();
    const run = startProcess("npx", ["--no-install", "observatory", "build", ...buildArgs()], { env: { TMPDIR: s.tmp } });
    const r = await interrupt(run, run.child.pid as number, "SIGINT");
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("Interrupted (SIGINT)");
    expect(r.afterSignal).toBeLessThan(3000);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("SIGINT to npx observatory preview: the server stops within 3 s, nothing left", async () => {
    s = scratch();
    const project = copyProject({ withCode: true });
    const run = startProcess("npx", ["--no-install", "observatory", "preview", "2026-03", "--port", "0"], {
      cwd: project.paths.root,
      env: { TMPDIR: s.tmp },
    });
    try {
      await waitFor(() => /pages in/.test(run.stdout()), 40_000, "the first render");
      const url = /Preview at (http:\/\/[^#\s]+)/.exec(run.stdout())?.[1] as string;
      const sentAt = performance.now();
      process.kill(run.child.pid as number, "SIGINT");
      const r = await run.done;
      const ms = Math.round(performance.now() - sentAt);
      console.log(`SIGINT to npx observatory preview: exit ${r.code} ${ms} ms after the signal`);
      expect(r.code).toBe(130);
      expect(ms).toBeLessThan(3000);
      await expect(fetch(`${url}api/editions`)).rejects.toThrow();
      await expectNothingLeft(s.tmp);
    } finally {
      killGroup(run.child.pid);
      project.remove();
    }
  });

  it("SIGTERM to npx (which passes no signal on): the build notices and stops within 2 s", async () => {
    s = scratch();
    const run = startProcess("npx", ["--no-install", "observatory", "build", ...buildArgs()], { env: { TMPDIR: s.tmp } });
    await midBuild(run);
    process.kill(run.child.pid as number, "SIGTERM");
    const r = await run.done;
    expect(r.timedOut).toBe(false);
    expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    // npx ends at once; what it started stops within the 1 s watch plus the stop.
    await waitFor(() => processesMentioning(s.tmp).length === 0 && staged().length === 0, 4000, "the build to stop");
    await expectNothingLeft(s.tmp, s.out);
  });

  it("after a kill -9 mid-build, the next run removes the staged file and the browser folder", async () => {
    s = scratch();
    const run = startCli("build-edition", buildArgs(), { env: { TMPDIR: s.tmp } });
    await midBuild(run);
    process.kill(run.child.pid as number, "SIGKILL");
    await run.done;
    // Chromium was on a pipe to the dead process: it exits by itself.
    await waitFor(() => processesMentioning(s.tmp).length === 0, 5000, "Chromium to exit");
    expect(staged().length).toBeGreaterThan(0);
    expect(readdirSync(s.tmp).filter((n) => n.startsWith("observatory-browser-")).length).toBe(1);
    const again = await runCli("build-edition", buildArgs(), { env: { TMPDIR: s.tmp } });
    expect(again.code).toBe(0);
    await expectNothingLeft(s.tmp, s.out);
  });
});
