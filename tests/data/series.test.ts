// The series across every edition (output/series/<lang>/), written by the
// build: read back with csv-parse and compared with the manifests, walked here
// on their own (first edition recording each stage, distinct applicants).
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { describe, expect, inject, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";
import { EDITIONS } from "../support/built-editions.js";

type Rec = Record<string, string>;
const dir = (language: string) => path.join(inject("builtDir"), "series", language);
const csv = (language: string, name: string): Rec[] =>
  parse(readFileSync(path.join(dir(language), name)), { columns: true, record_delimiter: "\r\n" });
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

describe("the series across the editions", async () => {
  const editions = await Promise.all(EDITIONS.map((e) => loadManifest(path.join(projectPaths.editions, e.id, `${e.language}.yaml`))));

  it("each applicant's stages, with the date and the edition that first published them", () => {
    const first = new Map<string, Rec>();
    for (const { edition } of editions)
      for (const s of edition.sections)
        if (s.type === "providers")
          for (const m of s.models)
            for (const row of m.in_progress) {
              if (!row.stage) continue;
              const key = `${row.provider_id ?? slug(row.provider)} ${row.stage}`;
              if (!first.has(key)) first.set(key, { stage: row.stage, date: row.since ?? "", edition: edition.edition.id });
            }
    const stages = csv("en", "stages.csv").filter((r) => r.stage !== "qualified");
    expect(stages.length).toBe(first.size);
    for (const r of stages)
      expect(first.get(`${r.provider_id} ${r.stage}`), r.provider).toEqual({ stage: r.stage, date: r.date, edition: r.edition });
    // S3NS was listed qualified in March 2026 for the models it applied for in December.
    expect(csv("en", "stages.csv").find((r) => r.provider_id === "s3ns" && r.stage === "qualified")?.edition).toBe("2026-03");
  });

  it("counts per model per edition: distinct applicants and qualified offers", () => {
    const counts = csv("en", "counts.csv");
    for (const { edition } of editions)
      for (const s of edition.sections)
        if (s.type === "providers")
          for (const m of s.models) {
            const row = counts.find((c) => c.edition === edition.edition.id && c.model === m.model);
            expect(row?.applicants).toBe(String(new Set(m.in_progress.map((r) => r.provider_id ?? slug(r.provider))).size));
            expect(row?.qualified_offers).toBe(String(m.qualified.length));
          }
    expect(new Set(counts.map((c) => c.edition))).toEqual(new Set(["2025-12", "2026-03", "2026-04"]));
  });

  it("the JSON follows the package's schema; fr and en differ only in labels", () => {
    for (const language of ["fr", "en"]) {
      const pkg = JSON.parse(readFileSync(path.join(dir(language), "datapackage.json"), "utf8"));
      const json = JSON.parse(readFileSync(path.join(dir(language), "series.json"), "utf8"));
      const validate = new Ajv2020({ strict: true }).compile(
        pkg.resources.find((r: { path: string }) => r.path === "series.json").jsonSchema,
      );
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(json.stages.length).toBe(csv(language, "stages.csv").length);
    }
    const strip = (rows: Rec[]) => rows.map(({ stage_label, ...rest }) => rest);
    expect(strip(csv("fr", "stages.csv"))).toEqual(strip(csv("en", "stages.csv")));
    expect(csv("fr", "counts.csv")).toEqual(csv("en", "counts.csv"));
    expect(csv("fr", "stages.csv")[0].stage_label).not.toBe(csv("en", "stages.csv")[0].stage_label);
  });
});
