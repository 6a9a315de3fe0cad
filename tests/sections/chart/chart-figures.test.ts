// What each chart prints, in the HTML the PDF is printed from: its figure
// number, what it counts and in which unit, the bars' text alternative with the
// hand counts of tests/sections/chart/chart-data.test.ts, and one source line per run
// of charts. One test per case of the status chart.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifest } from "../../../src/manifest/load.js";
import { projectPaths } from "../../../src/paths.js";
import { renderEditionHtml } from "../../../src/render/edition-html.js";

const htmlOptions = { templatesDir: projectPaths.templates, assetsDir: projectPaths.assets, htmlDir: projectPaths.output };

function parse(file: string, edit: (source: string) => string = (s) => s) {
  const full = path.join(projectPaths.editions, file);
  const { edition, problems } = parseManifest(edit(readFileSync(full, "utf8")), full);
  expect(problems).toEqual([]);
  return edition as NonNullable<typeof edition>;
}

function render(file: string, edit: (source: string) => string = (s) => s): string {
  return renderEditionHtml(parse(file, edit), htmlOptions).html;
}

/** The printed text of one chart section (typeset: ’, no-break spaces as spaces), tags dropped, soft hyphens removed. */
function chart(html: string, kind: string) {
  const section = new RegExp(`<section class="chart-section chart-${kind}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";
  const text = (s: string) =>
    s
      .replace(/<[^>]+>/g, " ")
      .replace(/\u00ad/g, "")
      .replace(/&#x27;/g, "'")
      .replace(/\s+/g, " ")
      .trim();
  const title = /<title[^>]*>([\s\S]*?)<\/title>/.exec(section)?.[1];
  return { all: text(section.replace(/<title[\s\S]*?<\/title>/, "")), alt: title && text(title), hasBars: section.includes("<svg") };
}

describe("December 2025 (French)", () => {
  const html = render("2025-12/fr.yaml");

  it("numbers the charts, says what each counts, and prints the source once for the three", () => {
    const candidates = chart(html, "candidates");
    expect(candidates.all).toMatch(/^Figure 1 Les candidats Ce qui est compté : les candidats, .* Unité : prestataires/);
    expect(candidates.alt).toBe(
      "Diagramme en barres des candidats par modèle de service, en prestataires : IaaS 11, CaaS 2, PaaS 5, SaaS 3.",
    );
    const scope = chart(html, "scope");
    expect(scope.all).toContain("Unité : offres, des deux côtés.");
    expect(scope.all).toContain("Offres en cours Offres qualifiées");
    expect(scope.alt).toContain("IaaS 11 / 7, CaaS 2 / 0, PaaS 5 / 1, SaaS 3 / 8");
    expect(candidates.all).not.toContain("Source");
    expect(scope.all).not.toContain("Source");
    expect(chart(html, "status").all).toContain("Source des figures 1 à 3 : calcul à partir du tableau des candidats");
    expect(html.match(/Source des figures/g)).toHaveLength(1);
  });

  it("status, some stages published: applicants by stage, 'not published' and the qualified apart", () => {
    const status = chart(html, "status");
    expect(status.hasBars).toBe(true);
    expect(status.alt).toBe(
      "Diagramme en barres des candidats par étape, en prestataires : J0 3, J1 4, J2 0, J3 0, Étape non publiée 7. À part : 9 prestataires qualifiés.",
    );
    expect(status.all).toContain("À part, hors candidats : prestataires titulaires d’une qualification");
    // The stage legend explains the bars.
    expect(status.all).toContain("J0 Demande de qualification auprès de l’ANSSI");
  });

  it("status, a provider both qualified and applying: once among the applicants, once among the qualified", () => {
    const status = chart(html, "status");
    // 3 + 4 + 7 = 14 applicants: OVH and Orange Business are among the 7 without a published stage, and
    // among the 9 qualified providers, never at J3.
    expect(status.all).toContain(
      "OVH et Orange Business sont qualifiés pour une offre et candidats pour une autre : chacun compte une fois parmi les candidats et une fois parmi les qualifiés.",
    );
  });
});

describe.each(["2026-03/en.yaml", "2026-04/en.yaml"])("%s", (file) => {
  const html = render(file);

  it("counts the applicants per model and the offers on both sides of the scope chart", () => {
    expect(chart(html, "candidates").alt).toBe(
      "Bar chart of the applicants per service model, in providers: IaaS 12, CaaS 2, PaaS 3, SaaS 3.",
    );
    const scope = chart(html, "scope");
    expect(scope.all).toContain("Offers in progress Qualified offers");
    expect(scope.all).not.toContain("QUALIFIED PROVIDERS");
    expect(scope.alt).toBe(
      "Bar chart per service model, Offers in progress / Qualified offers: IaaS 12 / 8, CaaS 2 / 1, PaaS 3 / 2, SaaS 3 / 8.",
    );
  });

  it("status, no stage published: a sentence, not bars of zero", () => {
    const status = chart(html, "status");
    expect(status.hasBars).toBe(false);
    // Rendered alone, with no earlier edition to carry a stage from.
    expect(status.all).toContain(
      "No stage of the procedure is published, in this edition or an earlier one, for the applicants of this edition (15), so none can be placed at J0, J1, J2 or J3. Apart from them, 10 providers hold a qualification.",
    );
    expect(status.all).not.toMatch(/J0 0|J1 0/);
    expect(status.all).toMatch(/^Figure 3 Status of candidates Counted: applicants/);
    expect(status.all).toContain("Source of figures 1 to 3: computed from the table of applicants");
  });
});

describe("status chart of an edition where a qualified provider applies at a published stage", () => {
  // April, with OVH's IaaS application at J2: OVH holds qualified IaaS offers too.
  const html = render("2026-04/en.yaml", (s) =>
    s.replace(
      "- { provider: OVH SAS, provider_id: ovh, offer: Dynamic SNC Cloud Platform }",
      '- { provider: OVH SAS, provider_id: ovh, offer: Dynamic SNC Cloud Platform, stage: J2, since: "2026-02-02" }',
    ),
  );

  it("counts OVH once at J2 and once among the qualified, apart", () => {
    const status = chart(html, "status");
    expect(status.hasBars).toBe(true);
    expect(status.alt).toBe(
      "Bar chart of the applicants by stage, in providers: J0 0, J1 0, J2 1, J3 0, Stage not published 14. Shown apart: 10 qualified providers.",
    );
    expect(status.all).toContain("OVH and Orange Business hold a qualification for one offer and apply for another");
  });
});

// The April edition no longer contradicts itself: Figure 3 places the applicants
// whose stage it does not publish where December put them, as Figure 4 lists them.
describe("status chart of April 2026 read with the editions before it", () => {
  const editions = ["2025-12/fr.yaml", "2026-03/en.yaml", "2026-04/en.yaml"].map((f) => parse(f));
  const html = renderEditionHtml(editions[2], { ...htmlOptions, earlier: new Map([["chart", editions]]) }).html;

  it("draws the stages December published, says so, and names December in the source line", () => {
    const status = chart(html, "status");
    expect(status.hasBars).toBe(true);
    expect(status.alt).toBe(
      "Bar chart of the applicants by stage, in providers: J0 3, J1 3, J2 0, J3 0, Stage not published 9. Shown apart: 10 qualified providers.",
    );
    expect(status.all).toContain(
      "For 6 applicants, this edition publishes no stage: they are placed at the last stage an earlier edition published (December 2025), as in the history of stage changes.",
    );
    expect(status.all).toContain(
      "Source of figures 1 to 3: computed from the table of applicants and qualified offers in this edition and, for the stages it does not publish, from the edition of December 2025.",
    );
    // Figure 4 lists the same six with their dated stages.
    const history = chart(html, "history");
    for (const name of ["Scaleway", "ITS Integra", "Prolival - Groupe Tenexa", "Bleu", "Numspot", "Ecritel"])
      expect(history.all).toContain(name);
  });
});

// One visual key for the whole edition: the same fill never means two things.
// Applying/in progress is solid (a), qualified is hatched (b), a stage not
// published is grey (c), in the bar charts' legends, the status chart's rows and
// the history's lines alike.
describe.each([
  ["December 2025 (French)", ["2025-12/fr.yaml"]],
  ["April 2026 with its history", ["2025-12/fr.yaml", "2026-03/en.yaml", "2026-04/en.yaml"]],
])("the visual key of %s", (_name, files) => {
  const editions = files.map((f) => parse(f));
  const html = renderEditionHtml(editions[editions.length - 1], { ...htmlOptions, earlier: new Map([["chart", editions]]) }).html;
  const meaning = (label: string) => (/ualifi/.test(label) ? "b" : /(not published|non publiée)/i.test(label) ? "c" : "a");

  it("draws each meaning in one fill, wherever it is", () => {
    const seen: string[] = [];
    const svg = html.replace(/<path d="[^"]*" class="hatch-line"\/>/g, "");
    // A legend's swatch (a bar or a line and its dot), then the name it stands for.
    for (const m of svg.matchAll(/class="(?:bar bar|line line)-([abc])"\/>(?:<circle[^>]*\/>)?<text[^>]*class="legend">([^<]+)<\/text>/g)) {
      seen.push(`${m[2]}=${m[1]}`);
      expect(m[1], m[2]).toBe(meaning(m[2]));
    }
    // The status chart's rows: the label, then its bar (model rows hold both series: skipped).
    for (const m of svg.matchAll(/class="row-label"[^>]*>([^<]+)<\/text><rect[^>]*class="bar bar-([abc])"/g)) {
      if (/^(IaaS|CaaS|PaaS|SaaS)$/.test(m[1])) continue;
      seen.push(`${m[1]}=${m[2]}`);
      expect(m[2], m[1]).toBe(meaning(m[1]));
    }
    expect(new Set(seen.map((s) => s.split("=")[1]))).toEqual(new Set(["a", "b", "c"]));
  });
});
