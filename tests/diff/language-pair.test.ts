// The two languages of a month carry the same data. A pair that differs by one
// row and one stage (tests/fixtures/language-pair) is reported in both files,
// by check:edition and by the build; the December edition with its English
// translation (tests/fixtures/bilingual) is in step.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkEditions } from "../../src/checks/check-editions.js";
import { languagePairDifferences } from "../../src/diff/language-pair.js";
import { loadManifest } from "../../src/manifest/load.js";
import { ManifestError } from "../../src/manifest/problem.js";
import { projectPaths, projectRoot } from "../../src/paths.js";
import { build } from "../../src/pipeline/build-edition.js";
import { chartData } from "../../src/sections/chart/chart-data.js";

const pair = path.join(projectRoot, "tests/fixtures/language-pair");
const tmp = mkdtempSync(path.join(os.tmpdir(), "language-pair-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const brief = (checks: Awaited<ReturnType<typeof checkEditions>>) =>
  checks.flatMap((c) => c.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column}  ${p.path}: ${p.message}`));

const FR = "tests/fixtures/language-pair/2026-04/fr.yaml";
const EN = "tests/fixtures/language-pair/2026-04/en.yaml";
const ROW = 'IaaS in progress, "Scaleway / Scaleway SecNumCloud"';
const STAGE = 'stage of "S3NS / PREMI3NS", PaaS in progress';

describe("a French and an English manifest that differ by one row and one stage", () => {
  it("check:edition reports both differences in both files, each naming the other's line and column", async () => {
    const checks = await checkEditions({ editionsDir: pair, edition: "2026-04" });
    expect(brief(checks)).toEqual([
      `fr.yaml:30:13  sections[3].models[0].in_progress[1]: expected the same data in both languages (${ROW}): ${EN}:29:11 has no such row, this file has the row "Scaleway / Scaleway SecNumCloud"`,
      `fr.yaml:35:55  sections[3].models[1].in_progress[0].stage: expected the same data in both languages (${STAGE}): ${EN}:34:55 has J2, this file has J1`,
      `en.yaml:29:11  sections[3].models[0].in_progress: expected the same data in both languages (${ROW}): ${FR}:30:13 has the row "Scaleway / Scaleway SecNumCloud", this file has no such row`,
      `en.yaml:34:55  sections[3].models[1].in_progress[0].stage: expected the same data in both languages (${STAGE}): ${FR}:35:55 has J1, this file has J2`,
    ]);
  });

  it("compares with the other language even when one is checked", async () => {
    const checks = await checkEditions({ editionsDir: pair, edition: "2026-04", language: "en" });
    expect(checks.map((c) => path.basename(c.file))).toEqual(["en.yaml"]);
    expect(brief(checks).map((l) => l.split("  ")[0])).toEqual(["en.yaml:29:11", "en.yaml:34:55"]);
  });

  it("stops the build before anything is printed", async () => {
    const err = await build({ paths: { ...projectPaths, editions: pair }, outputDir: tmp, htmlOnly: true }).catch((e) => e);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column}`)).toEqual([
      "fr.yaml:30:13",
      "fr.yaml:35:55",
      "en.yaml:29:11",
      "en.yaml:34:55",
    ]);
  });

  it("lets a draft through (the preview shows one language while the other is being updated)", async () => {
    const result = await build({ paths: { ...projectPaths, editions: pair }, outputDir: tmp, htmlOnly: true, draft: true });
    expect(result.jobs.map((j) => j.language)).toEqual(["fr", "en"]);
  });
});

describe("December 2025 in French (editions/) and in English (tests/fixtures/bilingual)", () => {
  const editions = path.join(tmp, "editions");
  mkdirSync(path.join(editions, "2025-12"), { recursive: true });
  copyFileSync(path.join(projectPaths.editions, "2025-12", "fr.yaml"), path.join(editions, "2025-12", "fr.yaml"));
  const english = readFileSync(path.join(projectRoot, "tests/fixtures/bilingual/2025-12/en.yaml"), "utf8");
  writeFileSync(path.join(editions, "2025-12", "en.yaml"), english);

  it("are in step: no problem, the same chart data", async () => {
    const checks = await checkEditions({ editionsDir: editions, edition: "2025-12" });
    expect(checks.map((c) => c.language)).toEqual(["fr", "en"]);
    expect(brief(checks)).toEqual([]);
    const [fr, en] = checks.map((c) => c.parsed as NonNullable<typeof c.parsed>);
    expect(languagePairDifferences(fr, en)).toEqual([]);
    expect(chartData(en)).toEqual(chartData(fr));
  });

  it("differ as soon as a PaaS cell, a source date or a date of stage differs in one of them", async () => {
    const file = path.join(tmp, "en-edited.yaml");
    writeFileSync(
      file,
      english
        .replace("bleu: { stage: 1, state: outside-scope }", "bleu: { stage: 2, state: outside-scope }")
        .replace('date: "2025-11-17"', 'date: "2025-11-18"')
        .replace('since: "2025-01-08"', 'since: "2025-01-09"'),
    );
    const fr = (await loadManifest(path.join(editions, "2025-12", "fr.yaml"))).edition;
    const en = (await loadManifest(file)).edition;
    expect(languagePairDifferences(fr, en).map((d) => `${d.what}: ${d.a.says} / ${d.b.says}`)).toEqual([
      "date of the source bleu-j1: 2025-11-17 / 2025-11-18",
      // the first of Scaleway's two rows (IaaS) only
      'since of "Scaleway / Scaleway SecNumCloud", IaaS in progress: 2025-01-08 / 2025-01-09',
      'PaaS cell ai / bleu: {"state":"outside-scope","stage":1} / {"state":"outside-scope","stage":2}',
    ]);
  });
});
