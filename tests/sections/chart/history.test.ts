// The history chart and the table of stage changes, computed from the editions:
// the three in editions/ and a fourth (May 2026) made here from April, with
// numbers counted by hand from the manifests.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadManifest, parseManifest } from "../../../src/manifest/load.js";
import { projectPaths } from "../../../src/paths.js";
import { build } from "../../../src/pipeline/build-edition.js";
import { renderEditionHtml } from "../../../src/render/edition-html.js";
import { historyData } from "../../../src/sections/chart/history-data.js";
import { historyEditionsFor } from "../../../src/sections/chart/view/history-editions.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "history-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const editions = path.join(tmp, "editions");
cpSync(projectPaths.editions, editions, { recursive: true });

// May 2026: Scaleway reaches J1, Bleu's CaaS offer is qualified, Wallix applies for SaaS at J0.
const may = readFileSync(path.join(projectPaths.editions, "2026-04", "en.yaml"), "utf8")
  .replace('id: "2026-04"', 'id: "2026-05"')
  .replace('date: "2026-04-01"', 'date: "2026-05-01"')
  .replace("label: APRIL 2026 EDITION", "label: MAY 2026 EDITION")
  .replace(
    "- { provider: Scaleway, offer: Scaleway SecNumCloud }\n          - { provider: Bretagne",
    '- { provider: Scaleway, offer: Scaleway SecNumCloud, stage: J1, since: "2026-04-15" }\n          - { provider: Bretagne',
  )
  .replace(
    "          - { provider: Bleu, offer: Cloud de Confiance Bleu }\n          - { provider: ITS Integra, offer: ITSecureKube }\n        qualified:\n          - { provider: S3NS, offer: Cloud de Confiance PREMI3NS }",
    "          - { provider: ITS Integra, offer: ITSecureKube }\n        qualified:\n          - { provider: S3NS, offer: Cloud de Confiance PREMI3NS }\n          - { provider: Bleu, offer: Cloud de Confiance Bleu }",
  )
  .replace(
    "          - { provider: Cloud Solutions, offer: Wimi }",
    '          - { provider: Cloud Solutions, offer: Wimi }\n          - { provider: Wallix, offer: Bastion SaaS, stage: J0, since: "2026-04-28" }',
  );
mkdirSync(path.join(editions, "2026-05"));
writeFileSync(path.join(editions, "2026-05", "en.yaml"), may);

describe("history over December, March, April and May", () => {
  it("counts applicants (providers) and qualified offers per model, edition by edition", async () => {
    const loaded = await loadManifest(path.join(editions, "2026-05", "en.yaml"));
    const all = (await historyEditionsFor(loaded, editions)) ?? [];
    expect(all.map((e) => e.edition.id)).toEqual(["2025-12", "2026-03", "2026-04", "2026-05"]);
    const h = historyData(all);
    expect(h.models).toEqual(["IaaS", "CaaS", "PaaS", "SaaS"]);
    expect(h.months).toEqual([
      // December: the candidates chart's 11/2/5/3; qualified offers 7 (IaaS), 0, 1 (PaaS Openshift), 8 (SaaS)
      { id: "2025-12", applicants: { IaaS: 11, CaaS: 2, PaaS: 5, SaaS: 3 }, qualifiedOffers: { IaaS: 7, CaaS: 0, PaaS: 1, SaaS: 8 } },
      // March: Adista and Bretagne Télécom join IaaS, S3NS is qualified (PREMI3NS in IaaS, CaaS, PaaS),
      // ITS Integra's ITSecureKube is listed under CaaS, OVH's and ITS Integra's PaaS rows are gone
      { id: "2026-03", applicants: { IaaS: 12, CaaS: 2, PaaS: 3, SaaS: 3 }, qualifiedOffers: { IaaS: 8, CaaS: 1, PaaS: 2, SaaS: 8 } },
      { id: "2026-04", applicants: { IaaS: 12, CaaS: 2, PaaS: 3, SaaS: 3 }, qualifiedOffers: { IaaS: 8, CaaS: 1, PaaS: 2, SaaS: 8 } },
      // May: Bleu leaves the CaaS applicants for the CaaS qualified offers (ITS Integra stays: 1); Wallix joins SaaS
      { id: "2026-05", applicants: { IaaS: 12, CaaS: 1, PaaS: 3, SaaS: 4 }, qualifiedOffers: { IaaS: 8, CaaS: 2, PaaS: 2, SaaS: 8 } },
    ]);
  });

  it("lists each applicant's stage changes with their dates, in the order they happened", async () => {
    const loaded = await loadManifest(path.join(editions, "2026-05", "en.yaml"));
    const h = historyData((await historyEditionsFor(loaded, editions)) ?? []);
    const lines = h.changes.map((c) => `${c.provider}: ${c.steps.map((s) => `${s.stage} ${s.date ?? `(${s.edition})`}`).join(" > ")}`);
    expect(lines).toEqual([
      // December's dated press releases, then what March and May add
      "Scaleway: J0 2025-01-08 > J1 2026-04-15",
      "Ecritel: J1 2025-02-06",
      "Numspot: J1 2025-04-07",
      "S3NS: J1 2025-05-14 > qualified (2026-03)",
      "ITS Integra: J0 2025-09-19",
      "Prolival - Groupe Tenexa: J0 2025-11-12",
      "Bleu: J1 2025-11-17 > qualified (2026-05)",
      "Wallix: J0 2026-04-28",
    ]);
  });

  it("is printed by the build in the fourth edition, from the editions folder", async () => {
    const result = await build({
      paths: { ...projectPaths, editions },
      editions: ["2026-05"],
      htmlOnly: true,
      outputDir: path.join(tmp, "out"),
    });
    // Soft hyphens out, and the no-break spaces that bind dates read as spaces.
    const html = readFileSync(result.jobs[0].html, "utf8")
      .replace(/\u00ad/g, "")
      .replace(/\u00a0/g, " ");
    const figure = /<section class="chart-section chart-history">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "";
    expect(figure).toContain("Figure 4");
    expect(figure).toContain(
      "IaaS: December 2025 11 / 7, March 2026 12 / 8, April 2026 12 / 8, May 2026 12 / 8; CaaS: December 2025 2 / 0, March 2026 2 / 1, April 2026 2 / 1, May 2026 1 / 2;",
    );
    const rows = [...figure.matchAll(/<tr><th scope="row" translate="no">([^<]+)<\/th><td>([\s\S]*?)<\/td><\/tr>/g)].map(
      (m) =>
        `${m[1]}: ${m[2]
          .replace(/<[^>]+>/g, "")
          .replace(/\s+/g, " ")
          .trim()}`,
    );
    expect(rows).toContain("Scaleway: J0 8 January 2025›J1 15 April 2026");
    expect(rows).toContain("Bleu: J1 17 November 2025›Qualified (listed in the May 2026 edition)");
    expect(figure).toContain("Source of figure 4: computed from the editions of December 2025 to May 2026.");
  });
});

describe("history in French", () => {
  it("is worded in the edition's language", () => {
    const file = path.join(projectPaths.editions, "2025-12", "fr.yaml");
    const source = readFileSync(file, "utf8").replace(
      "  - type: paas-zoom\n",
      "  - type: chart\n    chart: history\n    title: L'Observatoire mois par mois\n\n  - type: paas-zoom\n",
    );
    const { edition } = parseManifest(source, file);
    if (!edition) throw new Error("the edited December manifest should be valid");
    const { html } = renderEditionHtml(edition, {
      templatesDir: projectPaths.templates,
      assetsDir: projectPaths.assets,
      htmlDir: tmp,
      earlier: new Map([["chart", [edition]]]),
    });
    const figure = (/<section class="chart-section chart-history">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? "")
      .replace(/\u00ad/g, "")
      // Typeset French: no-break spaces before « : », the apostrophe ’.
      .replace(/[\u00a0\u202f]/g, " ");
    expect(figure).toContain("Figure 4");
    expect(figure).toContain("Ce qui est compté, dans chaque édition");
    expect(figure).toContain("IaaS : décembre 2025 11 / 7");
    expect(figure).toContain("8 janvier 2025");
    // Figures 1 to 3 share the table as their source; figure 4 has its own line.
    expect(html.replace(/[\u00a0\u202f]/g, " ")).toContain("Source des figures 1 à 3 : calcul à partir du tableau");
    expect(figure).toContain("Source de la figure 4 : calcul à partir de l’édition de décembre 2025.");
  });
});
