// The chart pages of the three built editions, read back from the PDFs as a
// reader sees them: every figure has its number and title, says what it counts
// and in which unit, and the source is printed once per run of charts.
import { describe, expect, it } from "vitest";
import { built, EDITIONS } from "../support/built-editions.js";
import { pageText } from "../support/read-pdf.js";

const WORDS = {
  fr: { figure: "FIGURE", counted: "Ce qui est compté", unit: "Unité", source: "Source de" },
  en: { figure: "FIGURE", counted: "Counted", unit: "unit", source: "Source of" },
} as const;

describe.each(EDITIONS)("$id ($language)", ({ id, language }) => {
  const edition = built(id, language);
  const w = WORDS[language];
  const text = Array.from({ length: edition.report.pages }, (_, i) => pageText(edition.pdf, i + 1)).join("\n");
  const figures = text.split(new RegExp(`(?=${w.figure} \\d+ )`)).slice(1);

  it("numbers every chart and says what it counts and in which unit", () => {
    expect(figures.length).toBeGreaterThanOrEqual(3);
    figures.forEach((f, i) => {
      expect(f.startsWith(`${w.figure} ${i + 1} `)).toBe(true);
      expect(f).toContain(w.counted);
      expect(f.toLowerCase()).toContain(w.unit.toLowerCase());
    });
  });

  it("prints the source of the table's charts once, under the third", () => {
    expect(text.match(new RegExp(w.source, "g"))?.length).toBe(figures.length === 4 ? 2 : 1);
    expect(figures[2]).toContain(language === "fr" ? "Source des figures 1 à 3" : "Source of figures 1 to 3");
  });

  it("prints no placeholder and no chart legend without its unit", () => {
    expect(text).not.toContain("Offre non identifiée");
    expect(text).not.toContain("QUALIFIED PROVIDERS");
    expect(text).not.toContain("\uE000");
  });
});
