// The chart figures of each edition, computed by chartData() from its providers
// table, against numbers counted by hand from the seed text (tests/fixtures/seeds).
// Definitions (src/render/chart-data.ts): candidates = distinct provider ids per
// model (applicants and qualified; "OVH SAS" and "OVH" are one id, ovh);
// scope = rows in progress / rows qualified per model; status = distinct applicants
// by furthest published stage, J3 = distinct qualified providers, unknown =
// applicants without a published stage.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";
import { chartData } from "../../src/render/chart-data.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const load = async (file: string) => chartData((await loadManifest(path.join(root, file))).edition);

describe("December 2025 (seed 001, French)", () => {
  it("counts the candidates per model", async () => {
    const data = await load("editions/2025-12/fr.yaml");
    expect(data.models).toEqual(["IaaS", "CaaS", "PaaS", "SaaS"]);
    expect(data.candidates).toEqual({
      // IaaS: Bleu, Cyllene ITS, Ecritel, Gip Mipih (Numih France), ITS Integra, Numspot, Orange Business,
      // OVH (SAS), Prolival - Groupe Tenexa, Scaleway, S3NS, Cegedim, Cloud Temple, Outscale, Worldline = 15
      IaaS: 15,
      // CaaS: Bleu, S3NS = 2
      CaaS: 2,
      // PaaS: Bleu, ITS Integra, OVH (SAS), Scaleway, S3NS, Cloud Temple = 6
      PaaS: 6,
      // SaaS: Ecritel Solutions, NetExplorer, Cloud Solutions, Index Education, Oodrive, Whaller = 6
      SaaS: 6,
    });
  });

  it("counts the offers in progress and qualified per model", async () => {
    const data = await load("editions/2025-12/fr.yaml");
    expect(data.scope).toEqual({
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
      // J0: Scaleway (8 Janvier 2025), ITS Integra (19 Septembre 2025), Tenexa = Prolival - Groupe Tenexa (12 Novembre 2025) = 3
      J0: 3,
      // J1: S3NS (14 Mai 2025), Bleu (17 Novembre 2025), NumSpot (7 Avril 2025), Ecritel (6 Février 2025) = 4
      J1: 4,
      J2: 0,
      // J3 (qualified): Cegedim, Cloud Temple, OVH, Orange Business, Outscale, Worldline, Index Education, Oodrive, Whaller = 9
      J3: 9,
      // no published stage: Cyllene ITS, Gip Mipih (Numih France), Orange Business, OVH SAS, Ecritel Solutions,
      // NetExplorer, Cloud Solutions = 7 (14 distinct applicants in all)
      unknown: 7,
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
      // OVH (SAS), Prolival - Groupe Tenexa, Scaleway, Bretagne Télécom, Cegedim, Cloud Temple, Outscale, Worldline, S3NS = 17
      IaaS: 17,
      // CaaS ("Caas" in the seed): Bleu, ITS Integra, S3NS = 3
      CaaS: 3,
      // PaaS: Bleu, OVH (SAS), Scaleway, Cloud Temple, S3NS = 5
      PaaS: 5,
      // SaaS: Ecritel Solutions, NetExplorer, Cloud Solutions, Index Education, Oodrive, Whaller = 6
      SaaS: 6,
    });
  });

  it("counts the offers in progress and qualified per model", async () => {
    const data = await load(file);
    expect(data.scope).toEqual({
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
      J0: 0,
      J1: 0,
      J2: 0,
      // J3 (qualified): Cegedim, Cloud Temple, OVH, Orange Business, Outscale, Worldline, S3NS, Index Education, Oodrive,
      // Whaller = 10
      J3: 10,
      // Adista, Bleu, Cyllene ITS, Ecritel, Gip Mipih (Numih France), ITS Integra, Numspot, Orange Business, OVH SAS,
      // Prolival - Groupe Tenexa, Scaleway, Bretagne Télécom, Ecritel Solutions, NetExplorer, Cloud Solutions = 15
      unknown: 15,
    });
  });
});
