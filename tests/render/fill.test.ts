// The sentences the pipeline writes itself, filled for every month and for the
// counts that change their grammar (0, 1, 2, many), in both languages, with the
// labels as they are in templates/labels/: nouns agree with their number and
// French elides "de" before a vowel (d’avril, d’août, d’octobre).
import { describe, expect, it } from "vitest";
import type { Language } from "../../src/manifest/primitives.js";
import { monthInText } from "../../src/sections/chart/view/chart-view.js";
import { agree, fill } from "../../src/sections/fill.js";
import { loadLabels } from "../../src/sections/labels.js";
import { WHATS_NEW_WORDS } from "../../src/sections/whats-new/view/whats-new-words.js";

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
const COUNTS = [0, 1, 2, 17];
const LANGUAGES: Language[] = ["fr", "en"];

describe("agreement", () => {
  it("takes the singular for 0 and 1 in French, for 1 only in English", () => {
    expect(COUNTS.map((n) => agree(n, "candidat", "candidats", "fr"))).toEqual(["candidat", "candidat", "candidats", "candidats"]);
    expect(COUNTS.map((n) => agree(n, "applicant", "applicants", "en"))).toEqual(["applicants", "applicant", "applicants", "applicants"]);
  });
});

describe.each(LANGUAGES)("generated sentences in %s", (language) => {
  const c = loadLabels(language).charts;
  const w = WHATS_NEW_WORDS[language];

  it.each(MONTHS)("elides before %s where French must, and never leaves a slot unfilled", (id) => {
    const month = monthInText(id, language);
    const sentences = [
      fill(w.intro, { date: month }, language),
      fill(c.source_history, { first: month, last: month }, language),
      fill(c.source_table_carried, { editions: month, n: 1 }, language),
      fill(c.history_months_one, { first: month }, language),
    ];
    for (const s of sentences) expect(s).not.toMatch(/\{\{|\}\}/);
    if (language === "fr") {
      const vowel = /^[aeiouyàâéèêîô]/i.test(month);
      for (const s of sentences) expect(s).toContain(vowel ? `d’${month}` : `de ${month}`);
      expect(fill(w.intro, { date: month }, language)).toBe(
        `Ce qui a changé dans les tableaux depuis l’édition ${vowel ? "d’" : "de "}${month}.`,
      );
    } else expect(fill(w.intro, { date: month }, language)).toBe(`What changed in the tables since the ${month} edition.`);
  });

  it.each(COUNTS)("agrees with %i", (n) => {
    const carried = fill(c.status_carried, { carried: n, editions: "December 2025" }, language);
    const none = fill(c.status_none, { applicants: n, qualified: n }, language);
    const gaps = fill(c.history_months_gaps, { first: "a", last: "b", editions: n, gaps: n }, language);
    for (const s of [carried, none, gaps]) expect(s).not.toMatch(/\{\{|\}\}/);
    const one = language === "fr" ? n < 2 : n === 1;
    if (language === "fr") {
      expect(carried).toContain(one ? `Pour ${n} candidat,` : `Pour ${n} candidats,`);
      expect(carried).toContain(one ? "il est placé" : "ils sont placés");
      expect(none).toContain(one ? `${n} prestataire est titulaire` : `${n} prestataires sont titulaires`);
    } else {
      expect(carried).toContain(one ? `For ${n} applicant,` : `For ${n} applicants,`);
      expect(carried).toContain(one ? "it is placed" : "they are placed");
      expect(none).toContain(one ? `${n} provider holds` : `${n} providers hold`);
      expect(gaps).toContain(one ? `${n} month without` : `${n} months without`);
    }
  });

  it("heads each what's-new group in the singular for one line and the plural for more", () => {
    for (const [one, many] of Object.values(w.groups)) {
      expect(one).not.toBe("");
      expect(many).not.toBe("");
    }
    expect(w.groups["new-applicant"]).toEqual(
      language === "fr" ? ["Nouveau candidat", "Nouveaux candidats"] : ["New applicant", "New applicants"],
    );
  });
});
