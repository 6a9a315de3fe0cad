// Preflight on fixtures that break the project rather than a manifest
// (templates, labels, the theme, assets): all applied to one copy of the
// project and built once; then what a build does when preflight finds errors.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { PreflightError } from "../../src/pipeline/preflight-error.js";
import { type Finding, RULE_IDS } from "../../src/preflight/rules.js";
import { addedEditions, BASE_ID, brokenProject, type Fixture, kindOf, loadFixtures, matching } from "../support/preflight-fixtures.js";
import type { ProjectCopy } from "../support/project-copy.js";

const fixtures = loadFixtures().filter((f) => kindOf(f) === "project");
let project: ProjectCopy;
let job: JobResult;
let findings: Finding[];

beforeAll(async () => {
  project = brokenProject(fixtures);
  const jobs = (await build({ paths: project.paths, editions: [BASE_ID, ...addedEditions(fixtures)], allow: RULE_IDS })).jobs;
  job = jobs.find((j) => j.id === BASE_ID) as JobResult;
  // A fixture may add an edition of its own (a French one): its findings count too.
  findings = jobs.flatMap((j) => j.preflight ?? []);
});
afterAll(() => project?.remove());

describe("preflight on a project with broken templates, labels and theme", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s: names the rule, the page and the element", (_, f: Fixture) => {
    const found = findings.map((x) => `p${x.page} ${x.severity} ${x.rule} ${x.element}: ${x.message}`).join("\n");
    expect(matching(findings, f), `expected ${f.rule} on page ${f.expect.page} at ${f.expect.element}, got:\n${found}`).toBeDefined();
  });

  it("writes the findings into the report, with the counts", () => {
    const report = JSON.parse(readFileSync(job.report as string, "utf8"));
    expect(report.preflight.errors).toBe(job.preflight?.filter((f) => f.severity === "error").length);
    expect(report.preflight.warnings).toBe(job.preflight?.filter((f) => f.severity === "warning").length);
    expect(report.preflight.findings).toEqual(job.preflight);
  });
});

describe("a build whose preflight finds errors", () => {
  it("fails, names the errors and keeps the previous PDF and report as they were", async () => {
    const pdf = readFileSync(job.pdf as string);
    const report = readFileSync(job.report as string);
    const err = await build({ paths: project.paths, editions: [BASE_ID], allow: ["contrast"] }).catch((e) => e);
    expect(err).toBeInstanceOf(PreflightError);
    const failed = (err as PreflightError).jobs[0];
    expect(failed.pdf).toBeUndefined();
    expect(failed.preflight?.some((f) => f.rule === "heading-order" && f.severity === "error")).toBe(true);
    expect((err as PreflightError).message).toMatch(/^preflight found \d+ errors in 2099-01-en; its PDF was not written$/);
    expect(readFileSync(job.pdf as string).equals(pdf)).toBe(true);
    expect(readFileSync(job.report as string).equals(report)).toBe(true);
    expect(readdirSync(path.dirname(job.pdf as string)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
