// The chart figures of each edition, computed by chartData() from its providers
// table, against numbers counted by hand from the seed text (tests/fixtures/seeds).
// Definitions (src/sections/chart/chart-data.ts), as the charts print them: candidates =
// distinct applicants (provider ids with an offer in progress) per model; scope =
// offers in progress / qualified offers per model (or distinct providers on both
// sides); status = distinct applicants by furthest published stage, the applicants
// without any published stage apart, the qualified providers apart again.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../../src/manifest/load.js";
import { chartData } from "../../../src/sections/chart/chart-data.js";
import { historyData } from "../../../src/sections/chart/history-data.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const load = async (file: string) => chartData((await loadManifest(path.join(root, file))).edition);

describe("December 2025 (seed 001, French)", () => {
  it("counts the candidates per model", async () => {
    const data = await load("editions/2025-12/fr.yaml");
    expect(data.models).toEqual(["IaaS", "CaaS", "PaaS", "SaaS"]);
    expect(data.candidates).toEqual({
      // IaaS: Bleu, Cyllene ITS, Ecritel, Gip Mipih (Numih France), ITS Integra, Numspot, Orange Business,
      // OVH SAS, Prolival - Groupe Tenexa, Scaleway, S3NS = 11 (the seed's chart line keeps 10 separators)
      IaaS: 11,
      // CaaS: Bleu, S3NS = 2
      CaaS: 2,
      // PaaS: Bleu, ITS Integra, OVH SAS, Scaleway, S3NS = 5
      PaaS: 5,
      // SaaS: Ecritel Solutions, NetExplorer, Cloud Solutions = 3
      SaaS: 3,
    });
  });

  it("counts the offers in progress and qualified per model", async () => {
    const data = await load("editions/2025-12/fr.yaml");
    expect(data.scope.offers).toEqual({
      // IaaS in progress: the 11 applicants above, one offer each = 11;
      // qualified: CegNumCloud Secured IaaS, IAAS Secure Temple, Bare Metal Pod, Hosted Private Cloud powered by VMware,
      // CloudAvenueSecNum, IaaS (Outscale), Worldline Cloud Services = 7
      IaaS: { in_progress: 11, qualified: 7 },
      // CaaS: Cloud de Confiance Bleu, Cloud de Confiance S3NS = 2; none qualified
      CaaS: { in_progress: 2, qualified: 0 },
      // PaaS: Cloud de Confiance Bleu, ITSecureKube, SNC Cloud Platform, Scaleway SecNumCloud, Cloud de confiance S3NS = 5;
      // qualified: PaaS Openshift = 1
      PaaS: { in_progress: 5, qualified: 1 },
      // SaaS: Ecritel Secure Backup, Share and Workspace, Wimi = 3; qualified: EDT, Hyperplanning, Pronote,
      // Pronote Primaire, Oodrive_Work_Share, Oodrive_Work, Oodrive_Meet, Whaller Donjon SaaS = 8
      SaaS: { in_progress: 3, qualified: 8 },
    });
  });

  it("counts the applicants by stage, from the dated press releases", async () => {
    const data = await load("editions/2025-12/fr.yaml");
    expect(data.status).toEqual({
      stages: {
        // J0: Scaleway (8 Janvier 2025), ITS Integra (19 Septembre 2025), Tenexa = Prolival - Groupe Tenexa (12 Novembre 2025) = 3
        J0: 3,
        // J1: S3NS (14 Mai 2025), Bleu (17 Novembre 2025), NumSpot (7 Avril 2025), Ecritel (6 Février 2025) = 4
        J1: 4,
        J2: 0,
        J3: 0,
      },
      // no published stage: Cyllene ITS, Gip Mipih (Numih France), Orange Business, OVH SAS, Ecritel Solutions,
      // NetExplorer, Cloud Solutions = 7
      unpublished: 7,
      // 3 + 4 + 7 = 14 distinct applicants
      applicants: 14,
      // apart: Cegedim, Cloud Temple, OVH, Orange Business, Outscale, Worldline, Index Education, Oodrive, Whaller = 9
      qualified: 9,
      // qualified for one offer and applying for another: counted once in each group, never twice as applicants
      qualifiedAndApplying: ["OVH", "Orange Business"],
      // the first edition: nothing earlier to carry a stage from
      carried: 0,
      carriedFrom: [],
    });
  });
});

// March and April print the same table and no dated source: their figures are the same.
describe.each([
  ["March 2026 (seed 000, English)", "editions/2026-03/en.yaml"],
  ["April 2026 (seed 002, English)", "editions/2026-04/en.yaml"],
])("%s", (_name, file) => {
  it("counts the candidates per model", async () => {
    const data = await load(file);
    expect(data.models).toEqual(["IaaS", "CaaS", "PaaS", "SaaS"]);
    expect(data.candidates).toEqual({
      // IaaS: Adista, Bleu, Cyllene ITS, Ecritel, Gip Mipih (Numih France), ITS Integra, Numspot, Orange Business,
      // OVH SAS, Prolival - Groupe Tenexa, Scaleway, Bretagne Télécom = 12
      IaaS: 12,
      // CaaS ("Caas" in the seed): Bleu, ITS Integra = 2
      CaaS: 2,
      // PaaS: Bleu, OVH SAS, Scaleway = 3
      PaaS: 3,
      // SaaS: Ecritel Solutions, NetExplorer, Cloud Solutions = 3
      SaaS: 3,
    });
  });

  it("counts the offers in progress and qualified per model", async () => {
    const data = await load(file);
    expect(data.scope.offers).toEqual({
      // IaaS in progress: the 12 applicants above, one offer each = 12; qualified: the 7 of December
      // + Cloud de Confiance PREMI3NS (S3NS) = 8
      IaaS: { in_progress: 12, qualified: 8 },
      // CaaS: Cloud de Confiance Bleu, ITSecureKube = 2; qualified: Cloud de Confiance PREMI3NS = 1
      CaaS: { in_progress: 2, qualified: 1 },
      // PaaS: Cloud de Confiance Bleu, SNC Cloud Platform, Scaleway SecNumCloud = 3;
      // qualified: PaaS Openshift, Cloud de Confiance PREMI3NS = 2
      PaaS: { in_progress: 3, qualified: 2 },
      // SaaS: as in December, 3 in progress and 8 qualified
      SaaS: { in_progress: 3, qualified: 8 },
    });
  });

  it("counts the applicants by stage: none is published", async () => {
    const data = await load(file);
    expect(data.status).toEqual({
      stages: { J0: 0, J1: 0, J2: 0, J3: 0 },
      // Adista, Bleu, Cyllene ITS, Ecritel, Gip Mipih (Numih France), ITS Integra, Numspot, Orange Business, OVH SAS,
      // Prolival - Groupe Tenexa, Scaleway, Bretagne Télécom, Ecritel Solutions, NetExplorer, Cloud Solutions = 15
      unpublished: 15,
      applicants: 15,
      // Cegedim, Cloud Temple, OVH, Orange Business, Outscale, Worldline, S3NS, Index Education, Oodrive, Whaller = 10
      qualified: 10,
      qualifiedAndApplying: ["OVH", "Orange Business"],
      // read alone, with no earlier edition given
      carried: 0,
      carriedFrom: [],
    });
  });

  it("counts distinct providers on both sides when the scope chart asks for providers", async () => {
    const data = await load(file);
    expect(data.scope.providers).toEqual({
      // applicants as in the candidates chart; qualified: Cegedim, Cloud Temple, OVH, Orange Business, Outscale,
      // Worldline, S3NS = 7 (OVH's two offers count once)
      IaaS: { in_progress: 12, qualified: 7 },
      CaaS: { in_progress: 2, qualified: 1 },
      // Cloud Temple, S3NS
      PaaS: { in_progress: 3, qualified: 2 },
      // Index Education (4 offers), Oodrive (3), Whaller (1) = 3 providers
      SaaS: { in_progress: 3, qualified: 3 },
    });
  });
});

// A stage an edition does not publish is unknown, not "no stage": with the
// earlier editions, April places its applicants where December last put them.
describe("April 2026 read with the editions before it", () => {
  it("carries the stages December published for the applicants April publishes none for", async () => {
    const editions = await Promise.all(
      ["editions/2025-12/fr.yaml", "editions/2026-03/en.yaml", "editions/2026-04/en.yaml"].map(
        async (f) => (await loadManifest(path.join(root, f))).edition,
      ),
    );
    const { earlierStages } = historyData(editions);
    const status = chartData(editions[2], earlierStages).status;
    // J0: Scaleway, ITS Integra, Prolival - Groupe Tenexa; J1: Bleu, Numspot, Ecritel (S3NS is qualified by March)
    expect(status.stages).toEqual({ J0: 3, J1: 3, J2: 0, J3: 0 });
    expect(status.unpublished).toBe(9);
    expect(status.carried).toBe(6);
    expect(status.carriedFrom).toEqual(["2025-12"]);
    expect(status.applicants).toBe(15);
  });
});
