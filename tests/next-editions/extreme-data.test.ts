// Charts that hold whatever the data: April 2026 with 60 applicants in IaaS
// (long names with "&" and apostrophes), a CaaS group with nobody in it and
// no SaaS at all, built in both profiles and held to every preflight rule.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { type BuildResult, build } from "../../src/pipeline/build-edition.js";
import type { Finding } from "../../src/preflight/rules.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

const APPLICANTS = 60;
let project: ProjectCopy;
let out: string;
const built: Record<string, { result: BuildResult; findings: Finding[] }> = {};

/** April's manifest with IaaS grown to APPLICANTS providers, CaaS emptied and SaaS removed. */
function extremeApril(file: string) {
  const doc = parseDocument(readFileSync(file, "utf8"));
  const sections = doc.get("sections") as YAMLSeq<YAMLMap>;
  const models = sections.items.find((s) => s.get("type") === "providers")?.get("models") as YAMLSeq<YAMLMap>;
  const model = (name: string) => models.items.find((m) => m.get("model") === name) as YAMLMap;
  const iaas = model("IaaS").get("in_progress");
  if (!isSeq(iaas)) throw new Error("April has no IaaS applicants");
  for (let n = iaas.items.length + 1; n <= APPLICANTS; n++)
    iaas.add(
      doc.createNode({
        provider: `Société d'Hébergement & de Services Numériques Souverains des Territoires n° ${n}`,
        offer: `Plateforme d'infrastructure de confiance « Souveraine » ${n}`,
      }),
    );
  const caas = model("CaaS");
  if (!isMap(caas)) throw new Error("April has no CaaS");
  caas.set("in_progress", doc.createNode([]));
  caas.set("qualified", doc.createNode([]));
  models.items.splice(models.items.indexOf(model("SaaS")), 1);
  writeFileSync(file, doc.toString());
}

beforeAll(async () => {
  project = copyProject();
  extremeApril(path.join(project.paths.editions, "2026-04", "en.yaml"));
  out = mkdtempSync(path.join(os.tmpdir(), "observatory-extreme-"));
  for (const profile of ["digital", "print"] as const) {
    const findings: Finding[] = [];
    const result = await build({
      paths: project.paths,
      editions: ["2026-04"],
      profile,
      outputDir: path.join(out, profile),
      reporter: { preflight: (_job, found) => findings.push(...found) },
    });
    built[profile] = { result, findings };
  }
}, 600_000);
afterAll(() => {
  project?.remove();
  rmSync(out, { recursive: true, force: true });
});

describe("April 2026 with 60 applicants in IaaS, nobody in CaaS and no SaaS", () => {
  it.each(["digital", "print"])("builds in the %s profile with no preflight finding", (profile) => {
    const { result, findings } = built[profile];
    expect(result.jobs[0].pdf).toBeTruthy();
    expect(findings).toEqual([]);
  });

  it("counts the 60 and the empty model, leaves out the model the edition drops, and keeps its history", () => {
    const pdf = built.digital.result.jobs[0].pdf ?? "";
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const html = readFileSync(built.digital.result.jobs[0].html, "utf8");
    const alt = (chart: string) => new RegExp(`chart-${chart}">[\\s\\S]*?<title[^>]*>([^<]*)`).exec(html)?.[1] ?? "";
    expect(alt("candidates")).toMatch(/IaaS 60, CaaS 0, PaaS 3\.$/);
    expect(text).toMatch(/FIGURE 4 The Observatory month by month/);
    for (const model of ["IaaS", "CaaS", "PaaS", "SaaS"]) expect(text).toContain(model);
    expect(text).toContain("Société d’Hébergement & de Services Numériques Souverains des Territoires n° 60");
  });
});
