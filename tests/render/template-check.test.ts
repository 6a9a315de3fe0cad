// Template mistakes placed where they are: an unknown helper or partial at its
// own template's line and column (it was templates/layout.hbs:1:1), a field
// the section's schema does not have (it built with exit 0 and printed an
// empty <p class="lead"></p>), in the build and in `check`.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { templateChecks } from "../../src/checks/template-report.js";
import { projectPaths } from "../../src/paths.js";
import { createTemplateEnv, TemplateError } from "../../src/render/template-env.js";
import { copyProject } from "../support/project-copy.js";
import { runCli } from "../support/run-cli.js";

const places = (dir: string) =>
  templateChecks(dir).flatMap((c) => c.problems.map((p) => `${path.relative(dir, p.file)}:${p.line}:${p.column} ${p.message}`));

describe("the template check", () => {
  const project = copyProject({ withCode: true });
  afterAll(() => project.remove());
  const editorial = path.join(project.paths.templates, "sections", "editorial.hbs");
  const good = readFileSync(editorial, "utf8");
  afterEach(() => writeFileSync(editorial, good));
  const edit = (from: string, to: string) => {
    expect(good).toContain(from);
    writeFileSync(editorial, good.replace(from, to));
  };

  it("finds nothing in the project's templates", () => {
    expect(places(projectPaths.templates)).toEqual([]);
  });

  it("places an unknown helper at its own line and column, in the check and in the environment", () => {
    edit("{{md s.lead}}", "{{mdd s.lead}}");
    expect(places(project.paths.templates)).toEqual([
      expect.stringMatching(/^sections\/editorial\.hbs:8:35 no helper is called "mdd" \(the helpers are: css, date, eq,/),
    ]);
    const err = (() => {
      try {
        createTemplateEnv(project.paths.templates, "en");
      } catch (e) {
        return e as TemplateError;
      }
    })();
    expect(err).toBeInstanceOf(TemplateError);
    expect([err?.file, err?.line, err?.column]).toEqual([editorial, 8, 35]);
  });

  it("reports a field the section's schema does not have, inside {{#if}} and {{#each}} too", () => {
    writeFileSync(
      editorial,
      good.replace("{{md s.lead}}", "{{md s.leed}}").replace("{{md p}}", "{{md pp}}").replace("{{../anchor}}", "{{../anchr}}"),
    );
    const found = places(project.paths.templates);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(
      /^sections\/editorial\.hbs:8:40 "s\.leed" reads a field "leed" that s does not have \(it has: type, id, contents, kicker, title, lead,/,
    );
    expect(found[1]).toMatch(
      /^sections\/editorial\.hbs:10:24 "pp" reads a field "pp" that this context does not have \(it has: p, heading, quote, by\)/,
    );
    expect(found[2]).toMatch(/^sections\/editorial\.hbs:11:32 "\.\.\/anchr" reads a field "anchr"/);
  });

  it("places an unknown partial", () => {
    const star = path.join(project.paths.templates, "sections", "paas-zoom.hbs");
    const before = readFileSync(star, "utf8");
    writeFileSync(star, before.replace("{{> partials/star", "{{> partials/stars"));
    try {
      expect(places(project.paths.templates)[0]).toMatch(/^sections\/paas-zoom\.hbs:\d+:\d+ no partial is called "partials\/stars"/);
    } finally {
      writeFileSync(star, before);
    }
  });

  it("makes `check` and the build refuse a misspelt field, at the template's line", async () => {
    edit("{{md s.lead}}", "{{md s.leed}}");
    const check = await runCli("check-edition", ["2026-04", "--lang", "en"], { root: project.paths.root, limitMs: 60_000 });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/templates\/sections\/editorial\.hbs:8:40 {2}"s\.leed" reads a field "leed"/);
    const build = await runCli(
      "build-edition",
      ["2026-04", "--lang", "en", "--html-only", "--out-dir", path.join(project.paths.root, "o")],
      {
        root: project.paths.root,
        limitMs: 60_000,
      },
    );
    expect(build.code).toBe(4);
    expect(build.stderr + build.stdout).toMatch(
      /templates\/sections\/editorial\.hbs:8:40 {2}template error: "s\.leed" reads a field "leed"/,
    );
  }, 120_000);
});
