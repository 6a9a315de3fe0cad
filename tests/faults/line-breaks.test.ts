// Line endings as editors save them: CRLF (Windows), a lone CR (old Mac
// files), U+2028/U+2029 typed or pasted anywhere, even in a comment. Each is
// read as YAML reads it; no command ends in 70, --json stays JSON, and a
// problem keeps its line and column. Before: exit 70 from check, build,
// preflight, diff and new ("Cannot read properties of null (reading '3')").
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { runCli } from "../support/run-cli.js";

const LF = readFileSync(path.join(projectRoot, "editions/2026-03/en.yaml"), "utf8");
const BAD = LF.replace("  language: en\n", "  language: xx\n");
const BAD_LINE = LF.slice(0, LF.indexOf("  language: en\n")).split("\n").length;

const VARIANTS: [string, (s: string) => string, number][] = [
  ["CRLF", (s) => s.replace(/\n/g, "\r\n"), BAD_LINE],
  ["lone CR", (s) => s.replace(/\n/g, "\r"), BAD_LINE],
  // A comment line holding U+2028 stays one line for YAML and for the editor.
  [
    "U+2028 in a comment, U+2029 in a value",
    (s) => s.replace("\n", "\n# a comment\u2028with a line separator\n").replace("Cloud de Confiance", "Cloud\u2029de Confiance"),
    BAD_LINE + 1,
  ],
];

let s: ReturnType<typeof scratch> | undefined;
afterEach(() => s?.done());

/** A copy of editions/ whose 2026-03 manifest is `source`. */
function editionsWith(source: string): string {
  s = scratch("crlf-");
  const editions = path.join(s.dir, "editions");
  cpSync(path.join(projectRoot, "editions"), editions, { recursive: true });
  writeFileSync(path.join(editions, "2026-03", "en.yaml"), source);
  return editions;
}

describe.each(VARIANTS)("a manifest with %s", (name, convert, line) => {
  it("check: exit 0 when valid; exit 1 at the right line and column otherwise, in text and JSON", async () => {
    const editions = editionsWith(convert(LF));
    const good = await runCli("check-edition", ["2026-03", "--editions-dir", editions], { env: { TMPDIR: s?.tmp } });
    console.log(`${name}, check: exit ${good.code} in ${good.ms} ms`);
    expect(good.stderr).toBe("");
    expect(good.code).toBe(0);
    writeFileSync(path.join(editions, "2026-03", "en.yaml"), convert(BAD));
    const text = await runCli("check-edition", ["2026-03", "--editions-dir", editions], { env: { TMPDIR: s?.tmp } });
    expect(text.code).toBe(1);
    expect(text.stdout + text.stderr).toContain(`2026-03/en.yaml:${line}:13  edition.language: expected fr or en, got "xx"`);
    // The code frame shows the line at fault with its caret under the value.
    expect(text.stdout + text.stderr).toMatch(new RegExp(`> ${line} \\|   language: xx\\n\\s+\\| {13}\\^`));
    const json = await runCli("check-edition", ["2026-03", "--editions-dir", editions, "--json"], { env: { TMPDIR: s?.tmp } });
    expect(json.code).toBe(1);
    const [problem] = JSON.parse(json.stdout).files[0].problems;
    expect([problem.line, problem.column, problem.path]).toEqual([line, 13, "edition.language"]);
    expect(good.ms + text.ms + json.ms).toBeLessThan(20_000);
    await expectNothingLeft(s?.tmp ?? "");
  });

  it("diff and new: exit 0, and new keeps the line endings it was given", async () => {
    const editions = editionsWith(convert(LF));
    const diff = await runCli("diff-edition", ["2025-12", "2026-03", "--editions-dir", editions, "--json"], { env: { TMPDIR: s?.tmp } });
    expect(diff.stderr).toBe("");
    expect(diff.code).toBe(0);
    JSON.parse(diff.stdout);
    const made = await runCli("new-edition", ["2026-06", "--from", "2026-03", "--editions-dir", editions], { env: { TMPDIR: s?.tmp } });
    console.log(`${name}, new: exit ${made.code} in ${made.ms} ms`);
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    const written = readFileSync(path.join(editions, "2026-06", "en.yaml"), "utf8");
    if (name === "CRLF")
      expect(
        written
          .split("\n")
          .slice(0, -1)
          .every((l) => l.endsWith("\r")),
      ).toBe(true);
    const check = await runCli("check-edition", ["2026-06", "--editions-dir", editions], { env: { TMPDIR: s?.tmp } });
    expect(check.code).toBe(0);
    await expectNothingLeft(s?.tmp ?? "");
  });
});

describe("an earlier edition with CRLF", () => {
  it("the history chart of a later edition still reads it: 2026-04 builds (HTML), exit 0", async () => {
    const editions = editionsWith(LF.replace(/\n/g, "\r\n"));
    const out = path.join(s?.dir ?? "", "out");
    const r = await runCli("build-edition", ["2026-04", "--html-only", "--editions-dir", editions, "--out-dir", out], {
      env: { TMPDIR: s?.tmp },
    });
    console.log(`CRLF 2026-03, build 2026-04 --html-only: exit ${r.code} in ${r.ms} ms`);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out, "2026-04", "2026-04-en.html"), "utf8")).toContain("Mar 26");
    expect(r.ms).toBeLessThan(30_000);
    await expectNothingLeft(s?.tmp ?? "", out);
  });

  it("preflight of a CRLF edition in a real Chromium: exit 0, no internal error", async () => {
    const editions = editionsWith(LF.replace(/\n/g, "\r\n"));
    const r = await runCli("preflight", ["2026-03", "--editions-dir", editions, "--json"], { env: { TMPDIR: s?.tmp } });
    console.log(`CRLF 2026-03, preflight: exit ${r.code} in ${r.ms} ms`);
    expect(r.stderr).not.toContain("internal error");
    expect(r.code).toBe(0);
    JSON.parse(r.stdout);
    expect(r.ms).toBeLessThan(60_000);
    await expectNothingLeft(s?.tmp ?? "");
  });
});
