// The back cover's colophon, read from the last page of each built edition:
// who publishes, how to cite, where the data comes from, its licence (the
// one the open data declares, templates/data/package.yaml) and the id.
import { describe, expect, it } from "vitest";
import { projectPaths } from "../../src/paths.js";
import { loadLicenses } from "../../src/render/licences.js";
import { built, EDITIONS } from "../support/built-editions.js";
import { pageText } from "../support/read-pdf.js";

const WORDS = {
  fr: ["Éditeur", "Pour citer", "Les données", "Licence des données", "Identifiant de l’édition"],
  en: ["Published by", "How to cite", "The data", "Licence of the data", "Edition id"],
} as const;
const MONTH = {
  "2025-12": ["Décembre 2025", "décembre 2025"],
  "2026-03": ["March 2026", "March 2026"],
  "2026-04": ["April 2026", "April 2026"],
} as const;

describe.each(EDITIONS)("the colophon of $id ($language)", ({ id, language }) => {
  const edition = built(id, language);
  const back = pageText(edition.pdf, edition.report.pages);
  const [month, inText] = MONTH[id];

  it("says who publishes, which edition, how to cite it, the data, its licence and the id", () => {
    for (const word of WORDS[language]) expect(back).toContain(word);
    expect(back).toContain(`Cyber Task Force`);
    expect(back).toContain(month);
    expect(back).toContain(
      `Cyber Task Force, ${language === "fr" ? "Observatoire SecNumCloud" : "SecNumCloud Observatory"}, ${inText} (${id}-${language}).`,
    );
    for (const licence of loadLicenses(projectPaths.templates)) expect(back).toContain(`${licence.title} (${licence.name})`);
  });
});
