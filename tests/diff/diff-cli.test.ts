// `npm run diff:edition` and `npm run new:edition` as an editor runs them:
// exit codes and output, never a stack trace.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

async function cli(script: string, ...args: string[]) {
  try {
    // The compiled command `npm run` runs, without npm's start-up time and warnings.
    const command = script === "diff-edition" ? "diff" : "new";
    const { stdout, stderr } = await run(process.execPath, ["bin/observatory.js", command, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let editions: string;
beforeAll(() => {
  editions = mkdtempSync(path.join(os.tmpdir(), "diff-cli-"));
  cpSync(path.join(root, "editions"), editions, { recursive: true });
});
afterAll(() => rmSync(editions, { recursive: true, force: true }));

describe("npm run diff:edition", () => {
  it("prints the comparison as JSON with --json", async () => {
    const { code, stdout } = await cli("diff-edition", "2025-12", "2026-03", "--json", "--editions-dir", editions);
    expect(code).toBe(0);
    const diff = JSON.parse(stdout);
    expect([diff.before.id, diff.after.id]).toEqual(["2025-12", "2026-03"]);
    expect(diff.counts).toEqual({ qualified: 3, "new-applicant": 2, "model-moved": 1 });
  });

  it("refuses the newer edition first, an unknown one, and a bad language, with exit 2", async () => {
    const reversed = await cli("diff-edition", "2026-03", "2025-12", "--editions-dir", editions);
    expect([reversed.code, reversed.stderr]).toEqual([
      2,
      "expected the older edition first, got 2026-03 then 2025-12; run: npm run diff:edition -- 2025-12 2026-03\n",
    ]);
    const unknown = await cli("diff-edition", "2026-02", "2026-03", "--editions-dir", editions);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/expected one of the editions in .* \(2025-12, 2026-03, 2026-04\), got "2026-02"/);
    expect(unknown.stderr).not.toMatch(STACK);
    const lang = await cli("diff-edition", "--lang", "de", "--editions-dir", editions);
    expect([lang.code, lang.stderr]).toEqual([2, '--lang: expected fr or en, got "de"\n']);
  });
});

describe("npm run new:edition", () => {
  it("creates the next month and prints the next steps; run again, it refuses with exit 2", async () => {
    const first = await cli("new-edition", "2026-05", "--editions-dir", editions);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/2026-04\/en\.yaml -> .*2026-05\/en\.yaml {2}\(MAY 2026 EDITION, 2026-05-01\)/);
    expect(first.stdout).toContain("npm run diff:edition -- 2026-04 2026-05");
    const again = await cli("new-edition", "2026-05", "--editions-dir", editions);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/2026-05\/en\.yaml already exists; edit it, or delete it to start again from 2026-04\n$/);
  });
});
