// The typographic and page rules hold for any edition, not only the three
// published ones: a long test edition (tests/fixtures/long-edition: 53
// provider rows, 54 sources, eight PaaS offers, an editorial twice as long) and
// the three editions, in the print profile, and the long one in the digital
// profile too, built in a copy of the project: no finding of the new rules.
import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { NEAR_EMPTY, pageFill } from "../../src/readback/page-fill.js";
import { linesOfPages, readItems } from "../../src/readback/print-lines.js";
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
  "half-empty-page",
  // Issue 17's rules: addresses, dates and names broken where a typographer would not, headings ending on one word.
  "url-hyphen-break",
  "split-date",
  "name-hyphen-break",
  "heading-last-word",
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

  it("have at most one inner page under a third full, a sources list's last page included", async () => {
    const short: string[] = [];
    for (const j of jobs) {
      const doc = await PDFDocument.load(readFileSync(j.pdf as string), { updateMetadata: false });
      // Lines are read from the TrimBox in both profiles: one page area, from the trim.
      const area = { top: 62.25, bottom: 57 };
      const fill = pageFill(linesOfPages(readItems(doc), area), area);
      const under = fill.flatMap((f, i) => (i > 0 && i < fill.length - 1 && f < NEAR_EMPTY ? [`p${i + 1} ${Math.round(f * 100)} %`] : []));
      if (under.length > 1) short.push(`${label(j)}: ${under.join(", ")}`);
    }
    expect(short).toEqual([]);
  });

  it("print the long providers table over pages that each start with a service-model label", () => {
    const long = jobs.find((j) => j.id === LONG && !j.pdf?.endsWith("-print.pdf")) as JobResult;
    const html = readFileSync(long.html, "utf8");
    // The table runs over more than one page: a continued page starts with a
    // row that carries its label, or with a whole service-model group (its
    // first row, labelled), moved whole to the next page.
    expect(html).toMatch(
      /section:has\(#who\) table > tbody:nth-of-type\(\d\) > tr:nth-child\((\d+\) > th:first-child::before \{ content: "\w+"; \}|1\) \{ break-before: page; \})/,
    );
  });
});
