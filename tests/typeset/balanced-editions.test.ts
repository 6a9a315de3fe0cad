// The typographic and page rules hold for any edition, not only the three
// published ones: a long test edition (tests/fixtures/long-edition: 53
// provider rows, 54 sources, six PaaS offers, an editorial twice as long) and
// the three editions, in the print profile, and the long one in the digital
// profile too, built in a copy of the project: no finding of the new rules.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

const NEW_RULES = [
  "french-spacing",
  "straight-quotes",
  "hyphenated-name",
  "hyphen-ladder",
  "split-word",
  "word-fragment",
  "table-continuation",
  "near-empty-page",
];
const LONG = "2026-09";

let project: ProjectCopy;
let jobs: JobResult[];

beforeAll(async () => {
  project = copyProject();
  cpSync(path.join(projectRoot, "tests", "fixtures", "long-edition", LONG), path.join(project.paths.editions, LONG), { recursive: true });
  // Every rule allowed, so that every job runs to its end and reports.
  const print = await build({ paths: project.paths, all: true, profile: "print", allow: RULE_IDS });
  const digital = await build({ paths: project.paths, editions: [LONG], allow: RULE_IDS });
  jobs = [...print.jobs, ...digital.jobs];
}, 600_000);
afterAll(() => project?.remove());

const label = (j: JobResult) => `${j.id}-${j.language} (${j.pdf?.endsWith("-print.pdf") ? "print" : "digital"})`;

describe("the long test edition and the published ones", () => {
  it("are all built, the long one in both profiles", () => {
    expect(jobs.map(label).sort()).toEqual([
      "2025-12-fr (print)",
      "2026-03-en (print)",
      "2026-04-en (print)",
      "2026-09-fr (digital)",
      "2026-09-fr (print)",
    ]);
  });

  it("have no finding of the typographic and page rules", () => {
    const found = jobs.flatMap((j) =>
      (j.preflight ?? [])
        .filter((f) => NEW_RULES.includes(f.rule))
        .map((f) => `${label(j)} p${f.page} ${f.rule} ${f.element}: ${f.message}`),
    );
    expect(found).toEqual([]);
  });

  it("print the long providers table over pages that each start with a service-model label", () => {
    const long = jobs.find((j) => j.id === LONG && !j.pdf?.endsWith("-print.pdf")) as JobResult;
    const html = readFileSync(long.html, "utf8");
    // The table runs over more than one page: continued rows carry their label.
    expect(html).toMatch(
      /section:has\(#who\) table > tbody:nth-of-type\(\d\) > tr:nth-child\(\d+\) > th:first-child::before \{ content: "\w+"; \}/,
    );
  });
});
