// Set-up decides by content, not file dates: a checkout, copy or `touch` of
// the lock file or of a source changes their mtime, and must neither reinstall
// the packages nor recompile dist/.
import { spawnSync } from "node:child_process";
import { statSync, utimesSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const touched = ["package-lock.json", "src/paths.ts", "package.json"].map((f) => path.join(projectRoot, f));
const before = touched.map((f) => statSync(f));
afterEach(() => {
  touched.forEach((f, i) => {
    utimesSync(f, before[i].atime, before[i].mtime);
  });
});

const setup = (...args: string[]) =>
  spawnSync(process.execPath, ["scripts/ensure-setup.mjs", ...args], { cwd: projectRoot, encoding: "utf8" });

describe("set-up", () => {
  it("does nothing after a touch of the lock file and the sources", () => {
    const later = new Date(Date.now() + 60_000);
    for (const f of touched) utimesSync(f, later, later);
    const installed = statSync(path.join(projectRoot, "node_modules", ".package-lock.json")).mtimeMs;
    const compiled = statSync(path.join(projectRoot, "dist", ".source-digest")).mtimeMs;
    const r = setup("--no-browser");
    expect([r.status, r.stderr, r.stdout]).toEqual([0, "", ""]);
    expect(statSync(path.join(projectRoot, "node_modules", ".package-lock.json")).mtimeMs).toBe(installed);
    expect(statSync(path.join(projectRoot, "dist", ".source-digest")).mtimeMs).toBe(compiled);
  });

  it("runs the command in its own process after --run, with the command's own arguments", () => {
    const r = setup("--no-browser", "--run", "check", "--help");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: observatory check /);
    expect(setup("--help").stdout).toMatch(/^Usage: node scripts\/ensure-setup\.mjs/);
  });
});
