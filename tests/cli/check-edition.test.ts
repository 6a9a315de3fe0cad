// The real command, run as an editor runs it, on fixtures copied into a
// throw-away editions folder: exit codes, the lines printed, never a stack trace.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

async function checkEdition(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["bin/observatory.js", "check", ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
let editions: string; // relative to the project root, as printed

beforeAll(async () => {
  await mkdir(path.join(root, "tests", ".out"), { recursive: true });
  editions = path.relative(root, await mkdtemp(path.join(root, "tests", ".out", "check-edition-")));
  await mkdir(path.join(root, editions, "2026-04"));
  await cp(path.join(root, "tests/fixtures/invalid/2026-04/fr.yaml"), path.join(root, editions, "2026-04", "fr.yaml"));
  await cp(path.join(root, "tests/fixtures/valid/2026-04/en.yaml"), path.join(root, editions, "2026-04", "en.yaml"));
});
afterAll(() => rm(path.join(root, editions), { recursive: true, force: true }));

describe("npm run check:edition", () => {
  it("checks every language of an edition, carries on after a failure and exits 1", async () => {
    const { code, stdout, stderr } = await checkEdition("2026-04", "--editions-dir", editions);
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(`${editions}/2026-04/fr.yaml:4:13  edition.language: expected "fr" to match the file name fr.yaml, got "en"`);
    expect(lines).toContain("> 4 |   language: en");
    expect(lines).toContain(`✓ ${editions}/2026-04/en.yaml  (APRIL 2026 EDITION, 7 sections)`);
    expect(lines.at(-2)).toBe("1 problem in 1 file (2 files checked)");
    expect(stdout + stderr).not.toMatch(STACK);
  });

  it("checks one language, or the latest edition when none is named, and exits 0 when valid", async () => {
    const one = await checkEdition("2026-04", "--lang", "en", "--editions-dir", editions);
    expect([one.code, one.stdout]).toEqual([
      0,
      `✓ ${editions}/2026-04/en.yaml  (APRIL 2026 EDITION, 7 sections)\n\n1 file checked, no problems\n`,
    ]);
    const latest = await checkEdition("--editions-dir", "tests/fixtures/valid");
    expect(latest.code).toBe(0);
    expect(latest.stdout).toMatch(/^✓ tests\/fixtures\/valid\/2026-04\/en\.yaml {2}\(APRIL 2026 EDITION, 7 sections\)\n/);
  });

  it("exits 2 with one line for an unknown edition, a bad language or a bad option", async () => {
    const unknown = await checkEdition("2026-05", "--editions-dir", editions);
    expect([unknown.code, unknown.stdout]).toEqual([2, ""]);
    expect(unknown.stderr).toContain(`expected one of the editions in ${editions}/ (2026-04), got "2026-05"`);
    const lang = await checkEdition("--all", "--lang", "de", "--editions-dir", editions);
    expect([lang.code, lang.stderr]).toEqual([2, expect.stringContaining('expected a language among fr or en, got "de"')]);
    const option = await checkEdition("--langs", "fr");
    expect([option.code, option.stderr]).toEqual([2, expect.stringContaining("Run with --help for the usage.")]);
    for (const r of [unknown, lang, option]) expect(r.stderr).not.toMatch(STACK);
  });

  it("prints the usage with --help", async () => {
    const { code, stdout } = await checkEdition("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Usage: observatory check \[YYYY-MM \| FILE \.\.\.\] \[--lang fr\|en\] \[--all\] \[--json\]\n {7}npm run check:edition/,
    );
  });

  it("keeps the stack trace of an unexpected error for --debug", async () => {
    const plain = await checkEdition("--editions-dir", "package.json"); // a file, not a folder
    expect(plain.code).toBe(70);
    expect(plain.stderr).toMatch(/internal error: ENOTDIR.*\nrun with --debug for the stack trace\n/);
    expect(plain.stderr).not.toMatch(STACK);
    const debug = await checkEdition("--editions-dir", "package.json", "--debug");
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(STACK);
  });
});
