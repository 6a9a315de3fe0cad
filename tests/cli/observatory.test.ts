// The `observatory` command as a person runs it (the compiled JavaScript in
// dist/, through bin/observatory.js): version, help, did-you-mean, check with
// files and JSON, and what --help loads and writes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error: a plain-JS set-up script, without type declarations.
import { BUNDLE_CONTENTS, distDir } from "../../scripts/compile.mjs";
import { COMMANDS } from "../../src/cli/commands.js";
import { packageTitle } from "../../src/pipeline/version.js";
import { DEFAULT_PORT } from "../../src/preview/start-preview.js";
import { observatory } from "../support/observatory.js";

const work = mkdtempSync(path.join(os.tmpdir(), "observatory-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const HEAVY = ["puppeteer-core", "pdf-lib", "pdfjs-dist", "hyphen"];

/**
 * The npm packages a run of the command loaded, by name: those bundled into the
 * files of dist/ it read (dist/.bundle-contents.json says which file holds
 * what), and those it required from node_modules/ at run time.
 */
function packagesLoaded(args: string[]): Set<string> {
  const log = path.join(work, `imports-${Math.random().toString(36).slice(2)}.log`);
  const r = observatory(args, {
    cwd: work,
    env: { ...process.env, NO_COLOR: "1", RECORD_IMPORTS: log },
    nodeArgs: ["--import", path.resolve("tests/support/record-imports.mjs")],
  });
  expect(r.code).toBe(0);
  const contents: Record<string, string[]> = JSON.parse(readFileSync(path.join(distDir, BUNDLE_CONTENTS), "utf8"));
  const loaded = readFileSync(log, "utf8").split("\n");
  const read = loaded.flatMap((l) => contents[path.relative(distDir, l.replace(/^file:\/\//, ""))] ?? []);
  const names = [...loaded, ...read].join("\n").matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g);
  return new Set([...names].map((m) => m[1]));
}

describe("observatory", () => {
  it("is the package's bin, and every npm script that runs a command goes through it", () => {
    expect(pkg.bin).toEqual({ observatory: "bin/observatory.js" });
    // Set-up first, then the command in the same process (one Node start, not
    // two); `exec`, so that the signal npm gives the script's shell reaches it.
    for (const [name, command] of Object.entries(COMMANDS))
      expect(pkg.scripts[command.script]).toMatch(new RegExp(`^exec node scripts/ensure-setup\\.mjs (--no-browser )?--run ${name}$`));
  });

  it("prints its version, Chromium's, pdf-lib's and Node's with --version", () => {
    const r = observatory(["--version"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(`observatory ${pkg.version} (${pkg.name})`);
    expect(lines[1]).toMatch(/^Chromium \d+\.\d+\.\d+\.\d+ \(\/.+\)$/);
    expect(lines).toContain(packageTitle("pdf-lib"));
    expect(lines).toContain(`Node.js ${process.versions.node}`);
    expect(observatory(["-V"]).stdout).toBe(r.stdout);
  });

  it("lists its commands with --help, and shows each command's help, writing nothing", () => {
    const top = observatory(["--help"], { cwd: work });
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: observatory <command> \[options\]/);
    for (const name of Object.keys(COMMANDS)) expect(top.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
    for (const name of Object.keys(COMMANDS)) {
      const r = observatory([name, "--help"], { cwd: work });
      expect([name, r.code, r.stderr]).toEqual([name, 0, ""]);
      // A second form of the command (archive --sign) may come before the npm script's line.
      expect(r.stdout).toMatch(
        new RegExp(`^Usage: observatory ${name} .*\\n(?: {7}observatory ${name} .*\\n)? {7}npm run ${COMMANDS[name].script} -- `),
      );
      expect(observatory(["help", name]).stdout).toBe(r.stdout);
    }
    expect(observatory(["preview", "--help"]).stdout).toContain(`(default ${DEFAULT_PORT};`);
    expect(readdirSync(work)).toEqual([]);
    // No command at all is a usage mistake: the help, on exit 2.
    expect(observatory([]).code).toBe(2);
  });

  it("loads no browser driver, PDF library or hyphenation patterns for --help, --version or check", () => {
    for (const args of [["--help"], ["--version"], ["build", "--help"], ["preflight", "--help"], ["check", "2026-04"]]) {
      const loaded = packagesLoaded(args);
      expect([args.join(" "), HEAVY.filter((p) => loaded.has(p))]).toEqual([args.join(" "), []]);
    }
    // The recording works: a build loads them.
    const built = packagesLoaded(["build", "2026-03", "--html-only", "--out-dir", path.join(work, "html")]);
    expect(["hyphen", "puppeteer-core", "pdf-lib"].filter((p) => built.has(p))).toEqual(["hyphen", "puppeteer-core", "pdf-lib"]);
  });

  it("loads no pdf.js for a whole build: the cover is drawn by Chromium, which is handed pdf.js as text", () => {
    const built = packagesLoaded(["build", "2026-03", "--out-dir", path.join(work, "pdf")]);
    expect(["puppeteer-core", "pdf-lib", "pdfjs-dist"].filter((p) => built.has(p))).toEqual(["puppeteer-core", "pdf-lib"]);
  }, 120_000);

  it("suggests the nearest command or option, on exit 2 and without a stack trace", () => {
    const command = observatory(["buld", "2026-04"]);
    expect([command.code, command.stdout]).toEqual([2, ""]);
    expect(command.stderr).toMatch(/^Unknown command 'buld'; did you mean build\?\nCommands: build, check, /);
    const option = observatory(["check", "--langs", "fr"]);
    expect([option.code, option.stderr]).toEqual([2, "Unknown option '--langs'; did you mean --lang?\nRun with --help for the usage.\n"]);
    expect(observatory(["--verison"]).stderr).toMatch(/^Unknown option '--verison'; did you mean --version\?\n/);
    const far = observatory(["build", "--zzzzzz"]);
    expect([far.code, far.stderr]).toEqual([2, "Unknown option '--zzzzzz'\nRun with --help for the usage.\n"]);
    for (const r of [command, option, far]) expect(r.stderr).not.toMatch(STACK);
  });

  it("checks files given by path, as editors and pre-commit hooks pass them, and says so in JSON", () => {
    const files = ["editions/2026-04/en.yaml", "tests/fixtures/invalid/stage-j5.yaml"];
    const r = observatory(["check", ...files, "--json"]);
    expect([r.code, r.stderr]).toEqual([1, ""]);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { file: string }) => f.file)).toEqual(files);
    expect(report.files[0]).toMatchObject({ valid: true, edition: "2026-04", language: "en", label: "APRIL 2026 EDITION", problems: [] });
    expect(report.files[1].valid).toBe(false);
    expect(report.files[1].problems[0]).toMatchObject({
      file: "tests/fixtures/invalid/stage-j5.yaml",
      path: expect.stringMatching(/\.stage$/),
      message: 'expected J0, J1, J2 or J3, got "J5"',
    });
    expect(report.files[1].problems[0].line).toBeGreaterThan(1);
    expect(report).toMatchObject({ filesChecked: 2, filesWithProblems: 1, problems: report.files[1].problems.length });
    // From another folder: paths outside the working folder stay absolute, as in the text report.
    const elsewhere = observatory(["check", path.resolve(files[0]), "--json"], { cwd: work });
    expect(JSON.parse(elsewhere.stdout).files[0].file).toBe(path.resolve(files[0]));
    // A path and an edition id together; a missing file is a problem of that file.
    const mixed = observatory(["check", "2026-03", "no/such/file.yaml"]);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toMatch(/✓ editions\/2026-03\/en\.yaml .*\n\nno\/such\/file\.yaml:1:1 {2}expected a readable file, got ENOENT/);
  });
});
