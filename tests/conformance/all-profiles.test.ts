// Both profiles pass what they claim: the three editions in the print profile
// (PDF/A-3a) and the long test edition (tests/fixtures/long-edition: 53
// provider rows, an editorial twice as long) in both, built in a copy of the
// project. The digital builds of the three editions are checked in
// checks.test.ts. Every preflight rule is allowed so that each job reports its
// conformance findings instead of stopping at the first preflight error.
import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

const LONG = "2026-09";
let project: ProjectCopy;
let jobs: JobResult[];

beforeAll(async () => {
  project = copyProject();
  cpSync(path.join(projectRoot, "tests", "fixtures", "long-edition", LONG), path.join(project.paths.editions, LONG), { recursive: true });
  const print = await build({ paths: project.paths, all: true, profile: "print", allow: RULE_IDS });
  const digital = await build({ paths: project.paths, editions: [LONG], allow: RULE_IDS });
  jobs = [...print.jobs, ...digital.jobs];
}, 600_000);
afterAll(() => project?.remove());

const label = (j: JobResult) => `${j.id}-${j.language} (${j.pdf?.endsWith("-print.pdf") ? "print" : "digital"})`;

describe("the print profile and the long test edition", () => {
  it("claim PDF/A-3 in print, PDF/A-3 and PDF/UA-1 in digital", () => {
    expect(jobs.map((j) => `${label(j)}: ${j.conformance?.standards.join(" + ")}`).sort()).toEqual([
      "2025-12-fr (print): PDF/A-3",
      "2026-03-en (print): PDF/A-3",
      "2026-04-en (print): PDF/A-3",
      "2026-09-fr (digital): PDF/A-3 + PDF/UA-1",
      "2026-09-fr (print): PDF/A-3",
    ]);
  });
  it("have no conformance finding", () => {
    const found = jobs.flatMap((j) =>
      (j.conformance?.findings ?? []).map((f) => `${label(j)} ${f.standard} ${f.rule} p${f.page} ${f.object}: ${f.message}`),
    );
    expect(found).toEqual([]);
  });
  it("report the rules tested against the profiles' totals", () => {
    expect(jobs[0]?.conformance?.rulesChecked).toEqual({ "PDF/A-3": "155 of 155", "PDF/UA-1": "106 of 106" });
  });
});
