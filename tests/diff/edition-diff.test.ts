// The diff of two editions' tables, against lists made by hand from the seeds
// (tests/fixtures/seeds/*.txt, the "Who is it?" tables), and on edited copies
// for the kinds of change the real editions do not show.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { changeLines } from "../../src/diff/change-lines.js";
import { compareEditions } from "../../src/diff/compare-editions.js";
import { diffEditions } from "../../src/diff/edition-diff.js";
import { formatDiffText } from "../../src/diff/format-text.js";
import type { Edition } from "../../src/manifest/edition-schema.js";
import { loadManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";

const load = async (id: string, lang: string) => (await loadManifest(path.join(projectPaths.editions, id, `${lang}.yaml`))).edition;
const seed = (name: string) => readFileSync(path.join(projectPaths.root, "tests/fixtures/seeds", name), "utf8");
/** The flattened row of a service model in a seed's providers table. */
const tableRow = (text: string, model: string) =>
  text.split("\n").find((l) => l.toLowerCase().startsWith(`${model.toLowerCase()}\t`)) ?? "";

let december: Edition;
let march: Edition;
let april: Edition;
beforeAll(async () => {
  [december, march, april] = await Promise.all([load("2025-12", "fr"), load("2026-03", "en"), load("2026-04", "en")]);
});

// By hand, from 001 (December 2025, French) and 000 (March 2026, English), lines 160-163:
// S3NS left the applicants of IaaS, CaaS and PaaS and is qualified in all three under a new
// offer name; Adista and Bretagne Télécom are new IaaS applicants; ITS Integra's ITSecureKube
// is listed under CaaS instead of PaaS. SaaS is unchanged. March prints no stages.
const DECEMBER_TO_MARCH = [
  {
    kind: "qualified",
    provider: "S3NS",
    offer: "Cloud de Confiance PREMI3NS",
    previousOffer: "Cloud de Confiance S3NS",
    models: ["IaaS", "CaaS", "PaaS"],
  },
  { kind: "new-applicant", provider: "Adista", offer: "Adista Secure Cloud", models: ["IaaS"], newProvider: true },
  { kind: "new-applicant", provider: "Bretagne Télécom", offer: "Blue Secure Cloud", models: ["IaaS"], newProvider: true },
  { kind: "model-moved", provider: "ITS Integra", offer: "ITSecureKube", models: ["CaaS"], fromModel: "PaaS", list: "in_progress" },
];

describe("the diff of December 2025 (fr) and March 2026 (en)", () => {
  it("the hand-made list agrees with the seed tables", () => {
    const dec = seed("001_5106ae52ad98d1ba.txt");
    const mar = seed("000_fffed784b907433a.txt");
    expect(tableRow(dec, "IaaS")).not.toContain("Adista");
    expect(tableRow(mar, "IaaS")).toContain("Adista");
    expect(tableRow(mar, "IaaS")).toContain("Bretagne Télécom");
    expect(tableRow(dec, "PaaS")).toContain("ITSecureKube");
    expect(tableRow(mar, "PaaS")).not.toContain("ITSecureKube");
    expect(tableRow(mar, "CaaS")).toContain("ITSecureKube");
    // Columns: model, applicants, their offers, qualified providers, their offers.
    for (const model of ["IaaS", "CaaS", "PaaS"]) {
      const [, applicants, , qualified, offers] = tableRow(mar, model).split("\t");
      expect(tableRow(dec, model).split("\t")[1]).toContain("S3NS");
      expect(applicants).not.toContain("S3NS");
      expect(qualified).toMatch(/S3NS$/);
      expect(offers).toMatch(/Cloud de Confiance PREMI3NS$/);
    }
  });

  it("finds exactly what changed, matching rows across languages by identity", () => {
    const diff = diffEditions(december, march);
    expect(changeLines(diff.table)).toEqual(DECEMBER_TO_MARCH);
    expect(diff.table.filter((c) => c.kind === "qualified").map((c) => c.model)).toEqual(["IaaS", "CaaS", "PaaS"]);
    expect(diff.table.some((c) => c.model === "SaaS")).toBe(false);
  });

  it("does not read stages March leaves out as moves", () => {
    const diff = diffEditions(december, march);
    expect(diff.table.filter((c) => c.kind === "stage")).toEqual([]);
    expect(diff.stagesNotStated.map((s) => `${s.model} ${s.offer.provider}`)).toEqual([
      "IaaS Bleu",
      "IaaS Ecritel",
      "IaaS ITS Integra",
      "IaaS Numspot",
      "IaaS Prolival - Groupe Tenexa",
      "IaaS Scaleway",
      "CaaS Bleu",
      "PaaS Bleu",
      "PaaS Scaleway",
    ]);
  });

  it("says the PaaS matrix could not be compared: March has none", () => {
    const diff = diffEditions(december, march);
    expect(diff.compared).toEqual({ providers: "both", paas: "before-only" });
    expect(diff.paas).toEqual([]);
  });

  it("prints one line per offer, grouped by kind", () => {
    const text = formatDiffText(diffEditions(december, march));
    expect(text).toContain("What changed from 2025-12 (fr, ÉDITION DÉCEMBRE 2025) to 2026-03 (en, MARCH 2026 EDITION)");
    expect(text).toContain(
      'Qualified, were applicants (1)\n  S3NS — Cloud de Confiance PREMI3NS  [IaaS, CaaS, PaaS]  (was "Cloud de Confiance S3NS")',
    );
    expect(text).toContain(
      "New applicants (2)\n  Adista — Adista Secure Cloud  [IaaS]  (new provider)\n  Bretagne Télécom — Blue Secure Cloud  [IaaS]  (new provider)",
    );
    expect(text).toContain("ITS Integra — ITSecureKube  PaaS -> CaaS  (in progress)");
    expect(text).toContain("PaaS matrix: only in 2025-12");
    expect(text).toMatch(/4 changes in the tables\n$/);
  });
});

describe("the diff of March and April 2026", () => {
  it("finds no change: the seeds print the same tables", async () => {
    expect(tableRow(seed("002_97050cc66275aee2.txt"), "IaaS")).toBe(tableRow(seed("000_fffed784b907433a.txt"), "IaaS"));
    const diff = diffEditions(march, april);
    expect(diff.table).toEqual([]);
    expect(formatDiffText(diff)).toContain("No change in the tables");
  });

  it("is what compareEditions gives for 2026-04 alone (compared with the edition before it)", async () => {
    const diff = await compareEditions({ to: "2026-04" });
    expect([diff.before.id, diff.after.id]).toEqual(["2026-03", "2026-04"]);
  });
});

/** A copy of December with its tables edited by `edit`. */
function edited(edit: (e: Edition) => void): Edition {
  const copy = structuredClone(december);
  edit(copy);
  return copy;
}
const table = (e: Edition) => e.sections.find((s) => s.type === "providers") as Extract<Edition["sections"][number], { type: "providers" }>;
const model = (e: Edition, name: string) => table(e).models.find((m) => m.model === name) as ReturnType<typeof table>["models"][number];
const paas = (e: Edition) => e.sections.find((s) => s.type === "paas-zoom") as Extract<Edition["sections"][number], { type: "paas-zoom" }>;

describe("kinds of change on edited copies", () => {
  it("reports a stage move, a withdrawal and a qualified offer no longer listed", () => {
    const after = edited((e) => {
      const iaas = model(e, "IaaS");
      const bleu = iaas.in_progress.find((r) => r.provider === "Bleu");
      if (bleu) bleu.stage = "J2";
      iaas.in_progress = iaas.in_progress.filter((r) => r.provider !== "Cyllene ITS");
      iaas.qualified = iaas.qualified.filter((r) => r.provider !== "Worldline");
    });
    const lines = changeLines(diffEditions(december, after).table);
    expect(lines).toEqual([
      { kind: "stage", provider: "Bleu", offer: "Cloud de Confiance Bleu", models: ["IaaS"], stageBefore: "J1", stageAfter: "J2" },
      { kind: "withdrawn", provider: "Cyllene ITS", offer: "IaaS SecNumCloud", models: ["IaaS"] },
      { kind: "qualified-removed", provider: "Worldline", offer: "Worldline Cloud Services", models: ["IaaS"] },
    ]);
  });

  it("matches by identity, not wording: renamed rows with the same ids are no change", () => {
    const after = edited((e) => {
      for (const row of model(e, "SaaS").qualified) {
        row.offer_id = row.offer_id ?? row.offer.toLowerCase().replace(/[^a-z0-9]+/g, "-");
        row.provider_id = row.provider_id ?? row.provider.toLowerCase().replace(/[^a-z0-9]+/g, "-");
        row.offer = `${row.offer} (traduit)`;
        row.provider = row.provider.toUpperCase();
      }
    });
    expect(diffEditions(december, after).table).toEqual([]);
  });

  it("reports an offer qualified without having been an applicant, from a provider never seen", () => {
    const after = edited((e) => {
      model(e, "CaaS").qualified.push({ provider: "Nouveau Cloud", offer: "Kube Souverain" });
    });
    expect(changeLines(diffEditions(december, after).table)).toEqual([
      { kind: "qualified-added", provider: "Nouveau Cloud", offer: "Kube Souverain", models: ["CaaS"], newProvider: true },
    ]);
  });

  it("reports PaaS matrix changes: a cell, a qualification mark, an offer added", () => {
    const after = edited((e) => {
      const p = paas(e);
      const ai = p.matrix.find((r) => r.pillar === "ai");
      if (ai) ai.cells.bleu = { stage: 2, state: "outside-scope" };
      const s3ns = p.offers.find((o) => o.id === "s3ns");
      if (s3ns) s3ns.qualified = true;
      p.offers.push({ id: "numspot", name: "NumSpot", qualified: false });
    });
    const diff = diffEditions(december, after);
    expect(diff.compared.paas).toBe("both");
    expect(diff.paas).toEqual([
      { kind: "paas-qualified", offerId: "s3ns", offer: "S3NS", before: false, after: true },
      { kind: "paas-offer-added", offerId: "numspot", offer: "NumSpot", after: false },
      {
        kind: "paas-cell",
        pillar: "ai",
        pillarLabel: "Plateforme IA",
        offerId: "bleu",
        offer: "Bleu",
        before: { state: "outside-scope", stage: 1 },
        after: { state: "outside-scope", stage: 2 },
      },
    ]);
    expect(formatDiffText(diff)).toContain("Plateforme IA × Bleu: outside-scope (stage 1) -> outside-scope (stage 2)");
  });
});
