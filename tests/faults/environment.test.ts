// The command's surroundings, wrong: a TMPDIR that is not there, a browser
// timeout that cannot be one, a manifest that is a dangling link or a folder.
// Each ends with its exit code and a sentence naming what to fix, at once.
// Before: exit 70 (ENOENT mkdtemp), a timeout of 1 ms or a silent 30 s, and
// "not an edition".
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { browserTimeoutMs } from "../../src/browser/browser-fault.js";
import { expectNothingLeft, filesUnder, scratch } from "../support/fault-kit.js";
import { runCli } from "../support/run-cli.js";

let s: ReturnType<typeof scratch> | undefined;
afterEach(() => s?.done());

describe("TMPDIR", () => {
  it("a TMPDIR that names no folder: exit 5 naming it, nothing written", async () => {
    s = scratch();
    const missing = path.join(s.dir, "no-such-tmp");
    const r = await runCli("build-edition", ["2026-03", "--out-dir", s.out], { env: { TMPDIR: missing }, limitMs: 40_000 });
    console.log(`missing TMPDIR: exit ${r.code} in ${r.ms} ms`);
    expect(r.stderr).not.toContain("internal error");
    expect(r.stderr).toContain(`TMPDIR=${missing} names no folder: create it, or unset TMPDIR`);
    expect(r.code).toBe(5);
    expect(r.ms).toBeLessThan(15_000);
    expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    await expectNothingLeft(s.tmp, s.out);
  });
});

describe("OBSERVATORY_BROWSER_TIMEOUT", () => {
  it.each(["abc", "0", "-5", "3000000", "1e400"])("%s is refused with a sentence, not read as 30 s or 1 ms", (value) => {
    expect(() => browserTimeoutMs({ OBSERVATORY_BROWSER_TIMEOUT: value })).toThrow(
      `OBSERVATORY_BROWSER_TIMEOUT=${value} is not a number of seconds from 0.001 to 2147483.647 (24.8 days)`,
    );
  });

  it("unset or empty is 30 s; 2147483 s (24.8 days) is the longest", () => {
    expect(browserTimeoutMs({})).toBe(30_000);
    expect(browserTimeoutMs({ OBSERVATORY_BROWSER_TIMEOUT: "" })).toBe(30_000);
    expect(browserTimeoutMs({ OBSERVATORY_BROWSER_TIMEOUT: "2147483" })).toBe(2_147_483_000);
    expect(browserTimeoutMs({ OBSERVATORY_BROWSER_TIMEOUT: "0.5" })).toBe(500);
  });

  it("through the command: exit 2 before any browser starts", async () => {
    s = scratch();
    const r = await runCli("build-edition", ["2026-03", "--out-dir", s.out], {
      env: { TMPDIR: s.tmp, OBSERVATORY_BROWSER_TIMEOUT: "3000000" },
      limitMs: 40_000,
    });
    console.log(`OBSERVATORY_BROWSER_TIMEOUT=3000000: exit ${r.code} in ${r.ms} ms`);
    expect(r.stderr).toContain("OBSERVATORY_BROWSER_TIMEOUT=3000000 is not a number of seconds");
    expect(r.code).toBe(2);
    expect(r.ms).toBeLessThan(15_000);
    await expectNothingLeft(s.tmp, s.out);
  });
});

describe("a manifest that is not a file", () => {
  it.each([
    [
      "a dangling link",
      (file: string) => symlinkSync("/nonexistent/en.yaml", file),
      /got a link to \/nonexistent\/en\.yaml, which does not exist/,
    ],
    ["a folder", (file: string) => mkdirSync(file), /got a folder: a manifest is one file, en\.yaml/],
  ] as const)('%s is named as such (exit 2), not "not an edition"', async (name, make, message) => {
    s = scratch();
    const editions = path.join(s.dir, "editions");
    mkdirSync(path.join(editions, "2026-04"), { recursive: true });
    make(path.join(editions, "2026-04", "en.yaml"));
    const r = await runCli("check-edition", ["2026-04", "--editions-dir", editions], { env: { TMPDIR: s.tmp }, limitMs: 30_000 });
    console.log(`manifest that is ${name}: check exit ${r.code} in ${r.ms} ms`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("2026-04/en.yaml");
    expect(r.code).toBe(2);
    await expectNothingLeft(s.tmp);
  });
});
