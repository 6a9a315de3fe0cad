// The "What's new" section: its data from the diff in the edition's language,
// its schema, the partial that prints it, and how the earlier edition is found.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Edition } from "../../../src/manifest/edition-schema.js";
import { type LoadedEdition, loadManifest } from "../../../src/manifest/load.js";
import { ManifestError } from "../../../src/manifest/problem.js";
import { projectPaths } from "../../../src/paths.js";
import { createTemplateEnv } from "../../../src/render/template-env.js";
import { previousEditionsFor } from "../../../src/sections/whats-new/view/previous-editions.js";
import { whatsNewSectionView, whatsNewView } from "../../../src/sections/whats-new/view/whats-new-view.js";
import { whatsNew } from "../../../src/sections/whats-new/whats-new.js";

const load = async (id: string, lang: string) => loadManifest(path.join(projectPaths.editions, id, `${lang}.yaml`));

let december: Edition;
let march: LoadedEdition;
beforeAll(async () => {
  december = (await load("2025-12", "fr")).edition;
  march = await load("2026-03", "en");
});

describe("the data of a whats-new section", () => {
  it("words the changes in the edition's language, with the names it prints", () => {
    const view = whatsNewView(march.edition, december);
    expect(view.since.id).toBe("2025-12");
    expect(view.intro).toBe("What changed in the tables since the December 2025 edition.");
    expect(view.groups.map((g) => [g.title, g.items])).toEqual([
      [
        "Newly qualified",
        [{ who: "S3NS", what: "Cloud de Confiance PREMI3NS", models: "IaaS, CaaS, PaaS", detail: "previously “Cloud de Confiance S3NS”" }],
      ],
      [
        "New applicants",
        [
          { who: "Adista", what: "Adista Secure Cloud", models: "IaaS", detail: "new provider" },
          { who: "Bretagne Télécom", what: "Blue Secure Cloud", models: "IaaS", detail: "new provider" },
        ],
      ],
      [
        "Listed under another service model",
        [{ who: "ITS Integra", what: "ITSecureKube", models: "from PaaS to CaaS", detail: "in progress" }],
      ],
    ]);
  });

  it("is in French for a French edition", () => {
    const january = structuredClone(december);
    january.edition = { ...january.edition, id: "2026-01", date: "2026-01-01", label: "ÉDITION JANVIER 2026" };
    const providers = january.sections.find((s) => s.type === "providers");
    const iaas = providers?.type === "providers" ? providers.models.find((m) => m.model === "IaaS") : undefined;
    const bleu = iaas?.in_progress.find((r) => r.provider === "Bleu");
    if (bleu) bleu.stage = "J2";
    const view = whatsNewView(january, december);
    expect(view.intro).toBe("Ce qui a changé dans les tableaux depuis l’édition de décembre 2025.");
    expect(view.groups).toEqual([
      {
        kind: "stage",
        // one change: the heading agrees with it
        title: "Étape franchie",
        items: [{ who: "Bleu", what: "Cloud de Confiance Bleu", models: "IaaS", detail: "de J1 à J2" }],
      },
    ]);
    expect(whatsNewView(december, december)).toMatchObject({
      intro: "Rien n’a changé dans les tableaux depuis l’édition de décembre 2025.",
      groups: [],
    });
  });

  it("asks for the earlier edition to be loaded before rendering", () => {
    expect(() => whatsNewSectionView({ since: "2025-12" }, { edition: march.edition })).toThrow(
      /compares with edition 2025-12, which was not loaded/,
    );
    const previous = new Map([["2025-12", december]]);
    expect(whatsNewSectionView({ since: "2025-12" }, { edition: march.edition, previous }).groups).toHaveLength(3);
  });
});

describe("the whats-new schema", () => {
  it("takes a title and the id of the edition to compare with", () => {
    expect(whatsNew.schema.safeParse({ type: "whats-new", title: "What's new", since: "2026-03" }).success).toBe(true);
    const bad = whatsNew.schema.safeParse({ type: "whats-new", title: "What's new", since: "March" });
    expect(bad.success ? "" : bad.error.issues[0].message).toBe('expected the id of an earlier edition, like "2026-03", got "March"');
  });
});

describe("the whats-new partial", () => {
  let templates: string;
  beforeAll(() => {
    templates = mkdtempSync(path.join(os.tmpdir(), "whats-new-templates-"));
    cpSync(projectPaths.templates, templates, { recursive: true });
    // The real layout wants a whole edition; the partial alone is what is tested here.
    writeFileSync(path.join(templates, "layout.hbs"), '{{#each sections}}{{> (lookup this "partial") }}{{/each}}');
  });
  afterAll(() => rmSync(templates, { recursive: true, force: true }));

  it("prints the groups, escaping every name", () => {
    const v = whatsNewView(march.edition, december);
    v.groups[0].items[0].who = "S3NS <script>";
    const html = createTemplateEnv(templates, "en").render({
      sections: [{ partial: "whats-new", anchor: "whats-new", s: { title: "What's new", since: "2025-12" }, v }],
    });
    expect(html).toContain('<h1 id="whats-new">What');
    expect(html).toContain("<h2>Newly qualified</h2>");
    expect(html).toContain(
      // Names are in no language (preflight's language guess leaves them out).
      '<strong translate="no">S3NS &lt;script&gt;</strong> — <span translate="no">Cloud de Confiance PREMI3NS</span>',
    );
    expect(html).toContain(
      'ITSecureKube</span>, <span class="whats-new-models">from PaaS to CaaS</span> <span class="whats-new-detail">(in progress)</span>',
    );
    expect(html).not.toContain("<script>");
  });
});

describe("loading the edition a whats-new section compares with", () => {
  const withSection = (since: string): LoadedEdition => {
    const source = `${march.source}\n  - type: whats-new\n    title: What's new\n    since: "${since}"\n`;
    const edition = {
      ...march.edition,
      sections: [...march.edition.sections, { type: "whats-new", title: "What's new", since }],
    } as unknown as Edition;
    return { file: march.file, source, edition };
  };

  it("loads it, in the edition's language when it has one (else any: rows compare by identity)", async () => {
    const found = await previousEditionsFor(withSection("2025-12"), projectPaths.editions);
    expect([...found.keys()]).toEqual(["2025-12"]);
    expect(found.get("2025-12")?.edition.language).toBe("fr");
  });

  it("points at the since: line when it names no earlier edition", async () => {
    const loaded = withSection("2026-04");
    const err = await previousEditionsFor(loaded, projectPaths.editions).catch((e) => e);
    expect(err).toBeInstanceOf(ManifestError);
    const lines = loaded.source.split("\n");
    expect((err as ManifestError).problems).toEqual([
      {
        file: march.file,
        line: lines.length - 1,
        column: 12,
        path: `sections[${march.edition.sections.length}].since`,
        message: 'expected an edition before 2026-03 to compare with (one of 2025-12), got "2026-04"',
      },
    ]);
  });
});
