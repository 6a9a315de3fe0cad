// Browser faults end with exit 7 and one sentence, within a bounded time, and
// leave no process and no profile behind.
import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { expectNothingLeft, fakeBrowser, filesUnder, scratch } from "../support/fault-kit.js";
import { processesMentioning, runCli, startCli, waitFor } from "../support/run-cli.js";

let s: ReturnType<typeof scratch>;
afterEach(() => s?.done());

const build = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  runCli("build-edition", ["2026-03", "--out-dir", s.out, ...args], { env: { TMPDIR: s.tmp, ...env }, limitMs: 40_000 });

/** The main Chromium process of a run: the one whose parent is not a Chromium. */
function mainChromium(tmp: string): number | undefined {
  const lines = processesMentioning(tmp).filter((l) => /chrom/.test(l) && !/--type=/.test(l));
  return lines.length ? Number(lines[0].split(/\s+/)[0]) : undefined;
}

describe("browser faults", () => {
  it("a CHROME_PATH that names no file is an error (exit 3), not another browser", async () => {
    s = scratch();
    const r = await build({ CHROME_PATH: "/nonexistent/chrome" });
    console.log(`CHROME_PATH=/nonexistent/chrome: exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("CHROME_PATH=/nonexistent/chrome (no such file)");
    expect(r.ms).toBeLessThan(15_000);
    expect(filesUnder(s.out)).toEqual([]);
    await expectNothingLeft(s.tmp);
  });

  it("a browser that exits at once (CHROME_PATH=/bin/false) ends with exit 7 and advice", async () => {
    s = scratch();
    const r = await build({ CHROME_PATH: "/bin/false" });
    console.log(`CHROME_PATH=/bin/false: exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/^the browser \/bin\/false exited as soon as it started .* Run again; .*CHROME_PATH/m);
    expect(r.stderr).not.toContain("internal error");
    expect(r.ms).toBeLessThan(15_000);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("a fake browser that prints a line and exits ends with exit 7, not [object Object]", async () => {
    s = scratch();
    const fake = fakeBrowser(s.dir, "fake-chrome", 'echo "DevTools listening on ws://127.0.0.1:1/devtools/browser/x" >&2; exit 0');
    const r = await build({ CHROME_PATH: fake });
    console.log(`a fake browser that prints a line and exits: exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(7);
    expect(r.stderr).toContain(`the browser ${fake}`);
    expect(r.stderr).not.toContain("[object");
    await expectNothingLeft(s.tmp, s.out);
  });

  it("a browser that never answers ends with exit 7 after the browser timeout, and is killed", async () => {
    s = scratch();
    const fake = fakeBrowser(s.dir, "silent-chrome", `exec sleep 300 # ${s.tmp}`);
    const r = await build({ CHROME_PATH: fake, OBSERVATORY_BROWSER_TIMEOUT: "3" });
    expect(r.code).toBe(7);
    expect(r.stderr).toContain("did not answer within 3 s of starting");
    // 3 s of patience, the start of Node and tsx, the manifest.
    console.log(`browser that never answers: exit ${r.code} after ${r.ms} ms (timeout 3 s)`);
    expect(r.ms).toBeLessThan(12_000);
    expect(processesMentioning(s.dir).filter((l) => l.includes("sleep"))).toEqual([]);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("Chromium killed during the print of --all ends with exit 7 at once, and nothing is written after", async () => {
    s = scratch();
    const run = startCli("build-edition", ["--all", "--out-dir", s.out], { env: { TMPDIR: s.tmp }, limitMs: 40_000 });
    await waitFor(() => /\bload\b/.test(run.stdout()), 30_000, "the first page load");
    const pid = mainChromium(s.tmp);
    expect(pid).toBeGreaterThan(0);
    const killedAt = performance.now();
    process.kill(pid as number, "SIGKILL");
    const r = await run.done;
    const afterKill = Math.round(performance.now() - killedAt);
    console.log(`Chromium killed during --all: exit ${r.code} ${afterKill} ms after the kill`);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/the browser stopped (while printing|answering)/);
    expect(afterKill).toBeLessThan(5000);
    expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("Chromium frozen (SIGSTOP) during a print ends with exit 7 after the browser timeout", async () => {
    s = scratch();
    const run = startCli("build-edition", ["2025-12", "--out-dir", s.out], {
      env: { TMPDIR: s.tmp, OBSERVATORY_BROWSER_TIMEOUT: "4" },
      limitMs: 40_000,
    });
    await waitFor(() => /\bload\b/.test(run.stdout()), 30_000, "the first page load");
    const frozen = processesMentioning(s.tmp)
      .filter((l) => /chrom/.test(l))
      .map((l) => Number(l.split(/\s+/)[0]));
    for (const pid of frozen) process.kill(pid, "SIGSTOP");
    const stoppedAt = performance.now();
    const r = await run.done;
    const afterStop = Math.round(performance.now() - stoppedAt);
    console.log(`Chromium frozen during a print: exit ${r.code} ${afterStop} ms after SIGSTOP (timeout 4 s)`);
    expect(r.code).toBe(7);
    expect(r.stderr).toMatch(/did not answer within 4 s|stopped answering/);
    // The timeout (4 s), then the frozen browser is killed, not asked to close.
    // Alone this takes about 4.1 s; in the whole suite, on 2 loaded cores, the
    // freeze can land after the print, and the run took 8.2 s twice in a row
    // (two waits of the timeout, it seems: the closing note of issue 21 says so):
    // the bound allows that much and no more.
    expect(afterStop).toBeLessThan(10_000);
    expect(readdirSync(s.out, { recursive: true }).filter((f) => String(f).endsWith(".pdf"))).toEqual([]);
    await expectNothingLeft(s.tmp, s.out);
  });
});
