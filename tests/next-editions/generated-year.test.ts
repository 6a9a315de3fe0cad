// The editions the editors write next, not only the three published ones: a
// year of generated months after April 2026 (tests/support/generate-year.ts:
// newcomers with "&", apostrophes and long names, stages that move with dated
// sources, qualifications, a withdrawal, a rename, two months in both
// languages), built in a real Chromium and read back from the PDFs.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAcrossEditions } from "../../src/checks/check-across.js";
import { checkEditions } from "../../src/checks/check-editions.js";
import { newEdition } from "../../src/new-edition/new-edition.js";
import { type BuildResult, build } from "../../src/pipeline/build-edition.js";
import type { Finding } from "../../src/preflight/rules.js";
import { straightQuoteFaults } from "../../src/readback/text-faults.js";
import { generateYear } from "../support/generate-year.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

let project: ProjectCopy;
let out: string;
let result: BuildResult;
const findings: { job: string; finding: Finding }[] = [];
const text = (job: { pdf?: string }) => execFileSync("pdftotext", ["-enc", "UTF-8", job.pdf ?? "", "-"], { encoding: "utf8" });

beforeAll(async () => {
  project = copyProject();
  generateYear(project.paths.root, { months: 12 });
  out = mkdtempSync(path.join(os.tmpdir(), "observatory-year-"));
  result = await build({
    paths: project.paths,
    all: true,
    outputDir: out,
    concurrency: 2,
    reporter: { preflight: (job, found) => findings.push(...found.map((finding) => ({ job, finding }))) },
  });
}, 900_000);
afterAll(() => {
  project?.remove();
  rmSync(out, { recursive: true, force: true });
});

const job = (id: string, language = "en") => {
  const found = result.jobs.find((j) => j.id === id && j.language === language);
  if (!found?.pdf) throw new Error(`${id} ${language} was not built`);
  return found;
};

describe("a year of editions after April 2026", () => {
  it("checks clean: no problem, no warning", async () => {
    const checks = await checkEditions({ all: true, editionsDir: project.paths.editions });
    await checkAcrossEditions(checks, project.paths.editions, project.paths.templates);
    expect(checks).toHaveLength(17);
    expect(checks.flatMap((c) => [...c.problems, ...(c.warnings ?? [])])).toEqual([]);
  });

  it("builds every month, in both languages where there are two, with no preflight finding", () => {
    expect(result.jobs.map((j) => `${j.id}-${j.language}`)).toHaveLength(17);
    for (const j of result.jobs) expect(j.pdf, `${j.id} ${j.language}`).toBeTruthy();
    // Not even a warning: a near-empty last page of the sources, a name taken for another language...
    expect(findings.map((f) => `${f.job}: ${f.finding.rule} p. ${f.finding.page}`)).toEqual([]);
  });

  it("prints &, entities shown as text and apostrophes as typed, in French and English", () => {
    for (const [id, language] of [
      ["2026-07", "fr"],
      ["2026-07", "en"],
      ["2026-11", "fr"],
    ] as const) {
      const printed = text(job(id, language)).replace(/\u00ad/g, "");
      expect(printed).toContain("R&D, AT&T, Procter & Gamble");
      expect(printed.replace(/\s+/g, " ")).toMatch(/&lt;b&gt; (et|and) &amp;\./);
      expect(printed).not.toMatch(/&[ \u202f];|(lt|gt|amp)[ \u202f];/);
      expect(printed).toContain(language === "fr" ? "années ’90" : "Organizations’ expectations");
    }
  });

  it("prints no straight quote or apostrophe in any month", () => {
    for (const j of result.jobs) {
      // Addresses keep their characters; pdftotext joins them into the text.
      const faults = straightQuoteFaults(text(j)).filter((f) => !/https?:|www\./.test(f.around));
      expect(faults, `${j.id} ${j.language}`).toEqual([]);
    }
  });

  it("draws the history of 16 editions with every panel's month labels on the page", () => {
    const latest = job("2027-04");
    const printed = text(latest);
    expect(printed).toContain("One point per edition, from December 2025 to April 2027 (15 editions)");
    for (const model of ["IaaS", "CaaS", "PaaS", "SaaS"]) expect(printed).toContain(model);
    expect(printed).toMatch(/Dec 25[\s\S]*Mar 27/);
  });

  it("says what the first month after April changed, stages published where April published none", () => {
    const may = text(job("2026-05")).replace(/\s+/g, " ");
    expect(may).toContain("What changed in the tables since the April 2026 edition.");
    expect(may).toMatch(/Stages? published, where the earlier edition published none/);
    // Bleu's J1 is dated by December's press release: not a stage just reached.
    expect(may).not.toMatch(/Bleu — Cloud de Confiance Bleu, IaaS \(from/);
  });

  it("keeps the same figures in both languages of a month", () => {
    const alt = (html: string, chart: string) =>
      new RegExp(`chart-${chart}">[\\s\\S]*?<title[^>]*>([^<]*)`).exec(html)?.[1].match(/\d+/g)?.join(" ");
    const fr = readFileSync(job("2026-11", "fr").html, "utf8");
    const en = readFileSync(job("2026-11", "en").html, "utf8");
    for (const chart of ["candidates", "scope", "status"]) expect(alt(fr, chart), chart).toBe(alt(en, chart));
  });
});

describe("the print profile", () => {
  it("builds every month with bleed and marks, with no preflight finding", async () => {
    const printFindings: string[] = [];
    const print = await build({
      paths: project.paths,
      all: true,
      profile: "print",
      outputDir: path.join(out, "print"),
      concurrency: 2,
      reporter: { preflight: (job, found) => printFindings.push(...found.map((f) => `${job}: ${f.rule} p. ${f.page}`)) },
    });
    expect(print.jobs.filter((j) => j.pdf)).toHaveLength(17);
    expect(printFindings).toEqual([]);
  }, 900_000);
});

describe("the month after, as new:edition makes it", () => {
  it("starts May 2027 from April 2027 and builds it with no preflight finding", async () => {
    await newEdition({ id: "2027-05", editionsDir: project.paths.editions });
    const next: Finding[] = [];
    const built = await build({
      paths: project.paths,
      editions: ["2027-05"],
      outputDir: path.join(out, "next"),
      reporter: { preflight: (_job, found) => next.push(...found) },
    });
    expect(built.jobs[0].pdf).toBeTruthy();
    expect(next.map((f) => `${f.rule} p. ${f.page}`)).toEqual([]);
    const printed = text(built.jobs[0]).replace(/\s+/g, " ");
    expect(printed).toContain("MAY 2027 EDITION");
    expect(printed).toContain("since the April 2027 edition");
  }, 600_000);
});
