// Preflight on fixture editions that each break one rule through their
// manifest (tests/fixtures/preflight/<rule>/), all built at once with one
// browser; the PDF fixtures break the base edition's built PDF; and the
// preflight command run on one of them as a person runs it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { inspectPdf } from "../../src/preflight/inspect-pdf.js";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { BASE_ID, breakPdf, editionsProject, type Fixture, kindOf, loadFixtures, matching } from "../support/preflight-fixtures.js";
import type { ProjectCopy } from "../support/project-copy.js";

const fixtures = loadFixtures();
let project: ProjectCopy;
let jobs: JobResult[];
const job = (id: string) => jobs.find((j) => j.id === id) as JobResult;

beforeAll(async () => {
  project = editionsProject(fixtures);
  // Every rule allowed: each job runs to the end and reports what it found.
  jobs = (await build({ paths: project.paths, all: true, allow: RULE_IDS })).jobs;
});
afterAll(() => project?.remove());

const show = (j: JobResult) => (j.preflight ?? []).map((f) => `p${f.page} ${f.rule} ${f.element}: ${f.message}`).join("\n");

describe("preflight on fixture editions", () => {
  it("finds nothing in the base edition the fixtures start from", () => {
    expect(job(BASE_ID).preflight).toEqual([]);
  });

  it.each(fixtures.filter((f) => kindOf(f) === "edition").map((f) => [f.name, f] as const))(
    "%s: names the rule, the page and the element",
    (_, f: Fixture) => {
      const j = job(f.edition);
      expect(
        matching(j.preflight ?? [], f),
        `expected ${f.rule} on page ${f.expect.page} at ${f.expect.element}, got:\n${show(j)}`,
      ).toBeDefined();
    },
  );

  it.each(fixtures.filter((f) => kindOf(f) === "pdf").map((f) => [f.name, f] as const))(
    "%s (in the PDF): names the rule and the page",
    async (_, f: Fixture) => {
      const base = job(BASE_ID);
      const broken = await breakPdf(readFileSync(base.pdf as string), f.pdf as NonNullable<Fixture["pdf"]>);
      const findings = await inspectPdf(broken, {
        language: "en",
        headings: [],
        area: { top: 62.25, bottom: 57 },
        ownPages: new Set(Object.values(base.pageNumbers ?? {})),
        families: ["Inter", "Source Serif 4"],
        pageFindings: [],
      });
      expect(matching(findings, f), JSON.stringify(findings, null, 2)).toBeDefined();
    },
  );
});

describe("npm run preflight", () => {
  it("lists the findings by page and exits 6 when there are errors", () => {
    // A manifest fixture with errors (check refuses a character no font has, so missing-glyph is a project fixture).
    const broken = fixtures.find((f) => f.name === "hyphenated-name") as Fixture;
    const r = spawnSync(process.execPath, ["bin/observatory.js", "preflight", broken.edition, "--editions-dir", project.paths.editions], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(6);
    expect(r.stdout).toMatch(new RegExp(`${broken.edition}/en\\.yaml \\(\\d+ pages, digital\\): \\d+ errors?, \\d+ warnings?`));
    expect(r.stdout).toMatch(/\n {2}page 3\n {4}error {4}hyphenated-name .*the name «SecNumCloud» is broken at a line end/);
    expect(r.stdout).toContain("Checked 1 PDF in");
  });

  it("refuses an --allow that names no rule, with exit 2, before building anything", () => {
    const r = spawnSync(process.execPath, ["bin/observatory.js", "preflight", "--allow", "missing-glyphs"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--allow: expected a preflight rule");
    expect(r.stderr).toContain("did you mean missing-glyph?");
  });
});
