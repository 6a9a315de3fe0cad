// `npm run build:edition` as a person runs it: the compiled command in a child process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const out = mkdtempSync(path.join(os.tmpdir(), "cli-out-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/observatory.js", "build", ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("build:edition", () => {
  it("explains itself with --help", () => {
    const r = cli("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: observatory build");
    expect(r.stdout).toContain("npm run build:edition --");
    expect(r.stdout).toContain("--html-only");
  });

  it("shows every manifest problem with its place and lines, exits 1, and builds nothing", () => {
    const r = cli("--editions-dir", "tests/fixtures/build-cli/broken", "--out-dir", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'tests/fixtures/build-cli/broken/2026-04/en.yaml:14:16  sections[1].steps[0].stage: expected J0, J1, J2 or J3, got "J5"',
    );
    expect(r.stderr).toContain("> 14 |       - stage: J5");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses an edition that does not exist with exit 2", () => {
    const r = cli("2031-01", "--out-dir", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("2031-01");
  });

  it("writes the HTML with --html-only and says where", () => {
    const r = cli("2026-03", "--html-only", "--out-dir", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/editions\/2026-03\/en\.yaml -> .*2026-03-en\.html/);
    expect(r.stdout).toMatch(/Built 1 HTML file in \d+\.\d s/);
  });
});
