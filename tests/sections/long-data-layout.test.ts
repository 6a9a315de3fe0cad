// Long data holds its layout (issue 17, item 1), read back from real PDFs:
// the PaaS matrix and offer cards of editions with 1, 3, 5 and 8 offers
// (generated from the long test edition, tests/support/paas-editions.ts), and
// the providers table of the three editions and the long test edition.
// - matrix: offer columns of one width (the geography row's words are centred
//   in their columns, so equal columns give equal steps between them), except
//   a column widened by a name that cannot break; headers on at most three
//   lines; "STADE 2" never broken;
// - cards: every row of cards fills the text width (a row of k cards starts
//   its cards at k equal steps), rows as cardSpans gives them;
// - providers table: a name of up to 24 characters on one line, a longer one
//   never leaving one word alone on its last line; the stage printed once per
//   row, as a badge on the line of the name's last word;
// - contents and bookmarks: the zoom's offers ("Les offres PaaS", "The PaaS
//   offerings") an entry under the zoom, at their page, in French (December,
//   the long edition) and English (December as translated, tests/fixtures/bilingual).
import { cpSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";
import { projectRoot } from "../../src/paths.js";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { cardSpans } from "../../src/sections/paas-zoom.js";
import { WHOLE_NAME_CHARS } from "../../src/sections/providers.js";
import { paasOffersEntryFaults } from "../support/paas-contents.js";
import { longEditionOffers, paasEditionId, writePaasEditions } from "../support/paas-editions.js";
import { findName, pdfWords, sameLine, type Word } from "../support/pdf-words.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

const COUNTS = [1, 3, 5, 8];
const LONG = "2026-09";
const PT_PER_MM = 72 / 25.4;
/** The text area of an A4 page of the digital profile: 18 mm margins, 174 mm wide. */
const LEFT = 18 * PT_PER_MM;
const WIDTH = 174 * PT_PER_MM;
const CARD_GAP = 4 * PT_PER_MM;
const CARD_PAD = 4 * PT_PER_MM;

let project: ProjectCopy;
let jobs: JobResult[];

beforeAll(async () => {
  project = copyProject();
  cpSync(path.join(projectRoot, "tests", "fixtures", "long-edition", LONG), path.join(project.paths.editions, LONG), { recursive: true });
  // December in both languages: its translation is the English edition with a PaaS zoom.
  cpSync(
    path.join(projectRoot, "tests", "fixtures", "bilingual", "2025-12", "en.yaml"),
    path.join(project.paths.editions, "2025-12", "en.yaml"),
  );
  const ids = writePaasEditions(project.paths.editions, COUNTS);
  jobs = (await build({ paths: project.paths, editions: [...ids, "2025-12", "2026-03", "2026-04", LONG] })).jobs;
}, 600_000);
afterAll(() => project?.remove());

const job = (id: string, language = edition0(id)) => {
  const j = jobs.find((x) => x.id === id && x.language === language);
  if (!j?.pdf) throw new Error(`${id} was not built`);
  return j as JobResult & { pdf: string };
};

/** The page of the matrix: the one with its row "Géographie" and its first pillar. */
function matrixPage(pages: Word[][]): Word[] {
  const page = pages.find((w) => w.some((x) => x.text === "Géographie") && w.some((x) => x.text === "Analytics"));
  if (!page) throw new Error("no page holds the PaaS matrix");
  return page;
}

describe.each(COUNTS)("the PaaS zoom with %i offer(s)", (count) => {
  const names = () => longEditionOffers().slice(0, count);
  const page = () => matrixPage(pdfWords(job(paasEditionId(count)).pdf));
  /** The words of the geography row, one per offer, left to right: their centres are the columns' centres. */
  const geography = (words: Word[]) => {
    const label = words.find((w) => w.text === "Géographie") as Word;
    return words
      .filter((w) => sameLine(w, label) && w.xMin > label.xMax && /^(FRANCE|EUROPE)$/.test(w.text))
      .sort((a, b) => a.xMin - b.xMin);
  };

  it("has offer columns of one width, but for a name that cannot break", () => {
    const words = page();
    const geo = geography(words);
    expect(geo).toHaveLength(count);
    const centres = geo.map((w) => (w.xMin + w.xMax) / 2);
    // The column of "Plateforme Ardoise des Hauts-de-France" is as wide as its compound name needs.
    const wide = names().findIndex((n) => n.includes("Hauts-de-France"));
    const steps = centres
      .slice(1)
      .map((c, i) => ({ i, step: c - centres[i] }))
      .filter(({ i }) => wide < 0 || (i !== wide && i + 1 !== wide));
    for (const { step } of steps) expect(Math.abs(step - steps[0].step)).toBeLessThan(1.5);
    if (count >= 3) expect(steps.length).toBeGreaterThanOrEqual(count - 3);
  });

  it("never breaks a stage ('STADE 2') and sets each offer's header on at most three lines", () => {
    const words = page();
    const stages = words.filter((w) => w.text === "STADE");
    expect(stages.length).toBeGreaterThan(0);
    for (const s of stages)
      expect(words.some((w) => /^[12]$/.test(w.text) && sameLine(w, s) && w.xMin > s.xMax && w.xMin - s.xMax < 6)).toBe(true);
    const first = words.find((w) => w.text === "Analytics") as Word;
    const centres = geography(words).map((w) => (w.xMin + w.xMax) / 2);
    // The header band: up from the first row, line after line (the columns' lines staggered, each
    // within 14 pt of the next), until the gap before the cards (more than 40 pt).
    const above = words.filter((w) => w.yMax < first.yMin && w.xMin > first.xMin + 20);
    let top = first.yMin;
    for (const y of [...new Set(above.map((w) => w.yMin))].sort((a, b) => b - a)) {
      if (top - y > (top === first.yMin ? 28 : 14)) break;
      top = y;
    }
    names().forEach((name, i) => {
      const left = i === 0 ? centres[0] - ((centres[1] ?? centres[0] + 120) - centres[0]) / 2 : (centres[i - 1] + centres[i]) / 2;
      const right = i === centres.length - 1 ? centres[i] + (centres[i] - left) : (centres[i] + centres[i + 1]) / 2;
      const inColumn = above.filter((w) => w.yMin >= top && (w.xMin + w.xMax) / 2 > left && (w.xMin + w.xMax) / 2 < right);
      const lines = [...new Set(inColumn.map((w) => Math.round(w.yMin)))];
      const header = inColumn
        .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
        .map((w) => w.text)
        .join(" ");
      expect(header, `header of ${name}`).toBe(name);
      expect(lines.length, `lines of the header of ${name}`).toBeLessThanOrEqual(3);
    });
  });

  it("sets the offer cards in rows that fill the width", () => {
    const words = page();
    const titles = names().map((name) => {
      const at = findName(words, name).sort((a, b) => a[0][0].yMin - b[0][0].yMin)[0];
      expect(at, `card title ${name}`).toBeDefined();
      return at[0][0];
    });
    const rows: Word[][] = [];
    for (const t of titles) {
      const row = rows.find((r) => sameLine(r[0], t));
      if (row) row.push(t);
      else rows.push([t]);
    }
    expect(rows.map((r) => r.length)).toEqual(
      cardSpans(count)
        .reduce<number[][]>((acc, span) => {
          const last = acc.at(-1);
          if (last && last.reduce((a, b) => a + b, 0) < 6) last.push(span);
          else acc.push([span]);
          return acc;
        }, [])
        .map((r) => r.length),
    );
    for (const row of rows) {
      const k = row.length;
      row
        .sort((a, b) => a.xMin - b.xMin)
        .forEach((t, j) => {
          expect(Math.abs(t.xMin - (LEFT + CARD_PAD + (j * (WIDTH + CARD_GAP)) / k)), `card ${t.text} ${j + 1} of ${k}`).toBeLessThan(1.5);
        });
    }
  });
});

describe("cardSpans", () => {
  it("shares 1 to 8 cards into rows of at most three that fill six columns", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => cardSpans(n).join(" "))).toEqual([
      "6",
      "3 3",
      "2 2 2",
      "3 3 3 3",
      "2 2 2 3 3",
      "2 2 2 2 2 2",
      "2 2 2 3 3 3 3",
      "2 2 2 2 2 2 3 3",
    ]);
  });
});

describe.each(["2025-12", "2026-03", "2026-04", LONG])("the providers table of %s", (id) => {
  interface Row {
    provider: string;
    offer: unknown;
    stage?: string;
  }
  const rows = async () => {
    const { edition } = await loadManifest(path.join(project.paths.editions, id, `${edition0(id)}.yaml`));
    const table = edition.sections.find((s) => s.type === "providers") as unknown as { models: { in_progress: Row[]; qualified: Row[] }[] };
    return table.models.flatMap((m) => [
      ...m.in_progress.map((r) => ({ ...r, applicant: true })),
      ...m.qualified.map((r) => ({ ...r, applicant: false })),
    ]);
  };
  /** Pages of the table: those that repeat its header ("Candidat"/"Applicant" then "Offre"/"Offer" on one line). */
  const tablePages = () =>
    pdfWords(job(id).pdf).filter((w) =>
      w.some((a) => /^(Candidat|Applicants?)$/.test(a.text) && w.some((b) => /^(Offre|Offering)$/.test(b.text) && sameLine(a, b))),
    );

  it("sets a short name on one line and never leaves one word alone on a longer one's last line", async () => {
    const pages = tablePages();
    expect(pages.length).toBeGreaterThan(0);
    const faults: string[] = [];
    for (const r of await rows())
      for (const name of [r.provider, r.offer]) {
        if (typeof name !== "string") continue;
        const at = pages.flatMap((p) => findName(p, name));
        if (at.length === 0) faults.push(`${name}: not found`);
        for (const lines of at) {
          if ([...name].length <= WHOLE_NAME_CHARS && lines.length > 1) faults.push(`${name}: ${lines.length} lines`);
          if (lines.length > 1 && (lines.at(-1) as Word[]).length === 1)
            faults.push(`${name}: "${(lines.at(-1) as Word[])[0].text}" alone`);
        }
      }
    expect(faults).toEqual([]);
  });

  it("prints the stage once per row, as a badge on the line of the name's last word", async () => {
    const staged = (await rows()).filter((r) => r.applicant && r.stage);
    const lastWords = new Set(staged.map((r) => r.provider.trim().split(/ +/).at(-1)));
    const faults: string[] = [];
    let badges = 0;
    for (const p of tablePages()) {
      const head = p.find((w) => /^(Candidat|Applicants?)$/.test(w.text)) as Word;
      const offer = p.find((w) => /^(Offre|Offering)$/.test(w.text) && sameLine(w, head)) as Word;
      for (const token of p.filter((w) => /^J[0-3]$/.test(w.text) && w.yMin > head.yMax)) {
        badges++;
        const before = p.find((w) => w !== token && sameLine(w, token) && w.xMax < token.xMin + 0.5 && token.xMin - w.xMax < 8);
        if (!before) faults.push(`${token.text} alone at ${token.xMin.toFixed(0)},${token.yMin.toFixed(0)}`);
        else if (!lastWords.has(before.text)) faults.push(`${token.text} after "${before.text}"`);
        if (token.xMin < head.xMin || token.xMax > offer.xMin) faults.push(`${token.text} outside the applicants' column`);
      }
    }
    expect(faults).toEqual([]);
    // Once per row: no "J1 · 17 novembre 2025" repeating it under the offer.
    expect(badges).toBe(staged.length);
    expect(
      tablePages()
        .flat()
        .some((w) => w.text === "·"),
    ).toBe(false);
  });
});

describe.each([
  ["2025-12", "fr", "Zoom Sur le PaaS", "Les offres PaaS"],
  ["2025-12", "en", "Focus on PaaS", "The PaaS offerings"],
  [LONG, "fr", "Zoom Sur le PaaS", "Les offres PaaS"],
])("the contents and bookmarks of %s (%s)", (id, language, zoom, offers) => {
  it(`list "${offers}" under "${zoom}", at the page that prints it`, async () => {
    expect(await paasOffersEntryFaults(job(id, language).pdf, zoom, offers)).toEqual([]);
  });
});

function edition0(id: string): string {
  return id === "2026-03" || id === "2026-04" ? "en" : "fr";
}
