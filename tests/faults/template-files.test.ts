// Files the templates need, missing or wrong: exit 4 with the file's name
// (and line where there is one) and what to do, within seconds, nothing left
// behind. Before: exit 70 ("internal error"), or a runtime error in a partial
// reported at templates/layout.hbs:1:1.
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";
import { runCli } from "../support/run-cli.js";

let project: ProjectCopy;
beforeAll(() => {
  project = copyProject({ withCode: true });
});
afterAll(() => project.remove());

const at = (rel: string) => path.join(project.paths.templates, rel);

/** Break one file, build, put it back. */
async function buildWith(rel: string, breakIt: (file: string) => void) {
  const file = at(rel);
  const original = readFileSync(file);
  const s = scratch();
  try {
    breakIt(file);
    const r = await runCli("build-edition", ["2026-03", "--out-dir", s.out], {
      root: project.paths.root,
      env: { TMPDIR: s.tmp },
      limitMs: 60_000,
    });
    await expectNothingLeft(s.tmp, s.out);
    return r;
  } finally {
    writeFileSync(file, original);
    s.done();
  }
}

const CASES: [string, string, (file: string) => void, RegExp][] = [
  [
    "a missing layout",
    "layout.hbs",
    (f) => rmSync(f),
    /templates\/layout\.hbs:1:1 {2}template error: expected a readable template, got no such file/,
  ],
  [
    "a missing labels file",
    "labels/en.yaml",
    (f) => rmSync(f),
    /templates\/labels\/en\.yaml:1:1 {2}template error: expected a readable labels file, got no such file/,
  ],
  [
    "labels that are not YAML",
    "labels/en.yaml",
    (f) => writeFileSync(f, "sections: [\n"),
    /templates\/labels\/en\.yaml:\d+:\d+ {2}template error: expected a readable labels file/,
  ],
  [
    "a typography file of the wrong shape",
    "typography.yaml",
    (f) => writeFileSync(f, "fr: 3\n"),
    /templates\/typography\.yaml:1:1 {2}template error: expected lists of rule names/,
  ],
  [
    "a hyphenation file that is not YAML",
    "hyphenation.yaml",
    (f) => writeFileSync(f, "never: [\n"),
    /templates\/hyphenation\.yaml:\d+:\d+ {2}template error: expected a readable hyphenation file/,
  ],
  [
    "a <meta http-equiv=refresh> in the layout",
    "layout.hbs",
    (f) =>
      writeFileSync(
        f,
        readFileSync(f, "utf8").replace("<head>", '<head>\n<meta http-equiv="refresh" content="0; url=https://example.org">'),
      ),
    /templates\/layout\.hbs:\d+:1 {2}template error: expected no <meta http-equiv="refresh">/,
  ],
  [
    "a runtime error in a partial (a missing helper)",
    "sections/glossary.hbs",
    (f) => appendFileSync(f, "\n{{nosuchhelper entries}}\n"),
    /templates\/sections\/glossary\.hbs:\d+:\d+ {2}template error: no helper is called "nosuchhelper"/,
  ],
];

describe("template files", () => {
  it.each(CASES)("%s: exit 4 naming the file, within 20 s", async (name, rel, breakIt, message) => {
    const r = await buildWith(rel, breakIt);
    console.log(`${name}: build exit ${r.code} in ${r.ms} ms`);
    expect(r.stderr).not.toContain("internal error");
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(4);
    expect(r.ms).toBeLessThan(20_000);
  });

  it("the partial's error is at the partial's line, not layout.hbs:1:1", async () => {
    const source = readFileSync(at("sections/glossary.hbs"), "utf8");
    const line = `${source}\n`.split("\n").length;
    const r = await buildWith("sections/glossary.hbs", (f) => appendFileSync(f, "\n{{nosuchhelper entries}}\n"));
    expect(r.stderr).toContain(`templates/sections/glossary.hbs:${line}:1  template error`);
  });
});
