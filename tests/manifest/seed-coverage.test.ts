// Every line of text of a published edition (its seed, the plain text extracted
// from the PDF, copied into tests/fixtures/seeds) must be found in the edition's
// manifest, once the corrections the manifest records are applied.
//
// How the comparison works:
// - Corrections: each manifest comment `# correction: seed reads "X", corrected to "Y"` is applied to
//   the seed text before anything else (X may contain `\n`, a line break possibly followed by blank
//   lines, \t a tab: a table cell). X must occur in the seed, so a stale comment fails too; and a damaged word whose
//   correction is not recorded is not found in the manifest, so that fails as well. Free-form
//   `# correction:` comments (reconstructed names, lost list markers) carry no replacement.
// - Seed lines: list markers are stripped ("- >", "- 1", "-", and a stage marker "- J0**" which
//   becomes a cell of its own), as are the **bold** / *italic* markers and the <…> around URLs;
//   table lines are split on tabs into cells; whitespace is collapsed. Blank lines are skipped.
// - Manifest side: the YAML is parsed and every string value is collected (not the raw YAML text),
//   with the same markup stripping and whitespace collapsing.
// - A cell is found when it is a substring of one manifest string. Three narrow fallbacks:
//   "N text" where text equals a whole manifest string (layout numbering, e.g. "1 IA");
//   "By Name" where Name is the editorial author (the byline prints author.name; "By" is not in it);
//   a printed date ("14 Mai 2025", "Octobre 2025") whose YYYY-MM(-DD) value is a manifest string;
//   a comma-separated line whose every fragment equals a whole manifest string or is such a date
//   (the sources' "kind, publisher," and "publisher, date" lines).
// - The flattened "Who is it?" table rows (model, applicants, offerings, qualified, offerings) and the
//   PaaS matrix rows are compared column by column with the providers rows and the matrix cells,
//   which also checks the pairing order.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = fileURLToPath(new URL("../..", import.meta.url));
const seedsDir = path.join(root, "tests/fixtures/seeds");

const EDITIONS = [
  { manifest: "editions/2025-12/fr.yaml", seed: "001_5106ae52ad98d1ba.txt" },
  { manifest: "editions/2026-03/en.yaml", seed: "000_fffed784b907433a.txt" },
  { manifest: "editions/2026-04/en.yaml", seed: "002_97050cc66275aee2.txt" },
];

const MODELS = ["IaaS", "CaaS", "PaaS", "SaaS"];

const MONTHS: Record<string, number> = {
  janvier: 1,
  février: 2,
  mars: 3,
  avril: 4,
  mai: 5,
  juin: 6,
  juillet: 7,
  août: 8,
  septembre: 9,
  octobre: 10,
  novembre: 11,
  décembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

interface Correction {
  from: string;
  to: string;
}

type Loose = Record<string, unknown>;

/** Corrections recorded in the manifest's comments, deduplicated. */
function readCorrections(yamlSource: string): Correction[] {
  const found = new Map<string, Correction>();
  const re = /#\s*correction:\s*seed reads "((?:[^"\\]|\\.)*)", corrected to "((?:[^"\\]|\\.)*)"/g;
  for (const m of yamlSource.matchAll(re)) {
    const unquote = (s: string) => s.replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\"/g, '"');
    const c = { from: unquote(m[1]), to: unquote(m[2]) };
    found.set(`${c.from}\u0000${c.to}`, c);
  }
  return [...found.values()];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Applies the corrections to the seed text; returns the text and the corrections that matched nothing. */
function applyCorrections(seed: string, corrections: Correction[]): { text: string; unused: Correction[] } {
  let text = seed;
  const unused: Correction[] = [];
  for (const c of corrections) {
    const body = c.from
      .split("\n")
      .map((part) => escapeRe(part))
      .join("[ \\t]*\\n\\s*");
    const before = /^[\p{L}\p{N}]/u.test(c.from) ? "(?<![\\p{L}\\p{N}])" : "";
    const after = /[\p{L}\p{N}]$/u.test(c.from) ? "(?![\\p{L}\\p{N}])" : "";
    const re = new RegExp(before + body + after, "gu");
    if (!re.test(text)) unused.push(c);
    text = text.replace(re, c.to);
  }
  return { text, unused };
}

const stripMarkup = (s: string) => s.replace(/\*/g, "");
const collapse = (s: string) => s.replace(/\s+/g, " ").trim();
const norm = (s: string) => collapse(stripMarkup(s));

function collectStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(norm(value));
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) collectStrings(v, out);
  return out;
}

/** "14 Mai 2025" -> "2025-05-14", "Octobre 2025" -> "2025-10"; undefined when not a printed date. */
function printedDate(s: string): string | undefined {
  const m = /^(?:(\d{1,2}) )?(\p{L}+) (\d{4})$/u.exec(s);
  const month = m && MONTHS[m[2].toLowerCase()];
  if (!m || !month) return undefined;
  const ym = `${m[3]}-${String(month).padStart(2, "0")}`;
  return m[1] ? `${ym}-${m[1].padStart(2, "0")}` : ym;
}

/** A seed line as cells: list markers stripped, split on tabs; empty cells kept (tables need positions). */
function seedCells(line: string): string[] {
  let l = line.replace(/^<(https:[^>]+)>$/, "$1");
  const stage = /^\s*(?:-\s*)?(J[0-3])(?:\*\*)?(?:\s+(.*))?$/.exec(l);
  if (stage) return [stage[1], ...(stage[2] ? [norm(stage[2])] : [])];
  l = l
    .replace(/^\s*-\s*>\s*/, "")
    .replace(/^\s*-\s*\d+\s+/, "")
    .replace(/^\s*-\s+/, "");
  return l.split("\t").map(norm);
}

function sectionsOf(data: Loose, type: string): Loose[] {
  return (data.sections as Loose[]).filter((s) => s.type === type);
}

function makeFinder(data: Loose) {
  const strings = collectStrings(data);
  const whole = new Set(strings);
  const authors = new Set(sectionsOf(data, "editorial").map((e) => norm(String((e.author as Loose | undefined)?.name ?? ""))));
  return (cell: string): boolean => {
    if (strings.some((s) => s.includes(cell))) return true;
    const numbered = /^\d+ (.+)$/.exec(cell);
    if (numbered && whole.has(numbered[1])) return true;
    const byline = /^By (.+)$/.exec(cell);
    if (byline && authors.has(byline[1])) return true;
    const date = printedDate(cell);
    if (date && whole.has(date)) return true;
    const fragments = cell
      .split(/,\s*/)
      .map((f) => f.trim())
      .filter(Boolean);
    return fragments.length > 1 && fragments.every((f) => whole.has(f) || whole.has(printedDate(f) ?? "\u0000"));
  };
}

function check(manifestFile: string, seedFile: string) {
  const yamlSource = readFileSync(path.join(root, manifestFile), "utf8");
  const data = parse(yamlSource) as Loose;
  const corrections = readCorrections(yamlSource);
  const { text, unused } = applyCorrections(readFileSync(path.join(seedsDir, seedFile), "utf8"), corrections);
  const found = makeFinder(data);

  const table = sectionsOf(data, "providers")[0];
  const models = new Map(((table?.models as Loose[]) ?? []).map((m) => [m.model as string, m]));
  const zoom = sectionsOf(data, "paas-zoom")[0];
  const offers = (zoom?.offers as Loose[]) ?? [];
  const pillarByLabel = new Map(((zoom?.pillars as Loose[]) ?? []).map((p) => [norm(p.row_label as string), p.id as string]));
  const matrix = new Map(((zoom?.matrix as Loose[]) ?? []).map((r) => [r.pillar as string, r.cells as Record<string, Loose | null>]));

  const missing: string[] = [];
  const tableRows: { seed: string[]; manifest: string[] }[] = [];
  const matrixRows: { seed: string[]; manifest: string[] }[] = [];

  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const cells = seedCells(line);
    if (cells.length >= 5 && MODELS.includes(cells[0]) && cells[1] !== "") {
      // A flattened row of the providers table.
      const m = models.get(cells[0]);
      const rows = (list: string, key: string) => ((m?.[list] as Loose[]) ?? []).map((r) => norm(r[key] as string)).join(" ");
      tableRows.push({
        seed: cells.slice(0, 5),
        manifest: [
          m ? cells[0] : "(no such model)",
          rows("in_progress", "provider"),
          rows("in_progress", "offer"),
          rows("qualified", "provider"),
          rows("qualified", "offer"),
        ],
      });
      continue;
    }
    if (zoom && cells.length === offers.length + 1 && (pillarByLabel.has(cells[0]) || cells[0] === norm(zoom.geography_label as string))) {
      // A row of the PaaS matrix: one column per offer, in the offers' order.
      const pillar = pillarByLabel.get(cells[0]);
      const manifestRow = offers.map((o) => {
        if (!pillar) return norm(String(o.geography ?? ""));
        const cell = matrix.get(pillar)?.[o.id as string];
        return cell?.stage ? `STAGE ${cell.stage}` : "";
      });
      matrixRows.push({ seed: cells.slice(1).map((c) => c.replace(/^\S+ (\d)$/, "STAGE $1")), manifest: manifestRow });
      continue;
    }
    for (const cell of cells) if (cell !== "" && !found(cell)) missing.push(cell);
  }
  return { corrections, unused, missing, tableRows, matrixRows };
}

describe.each(EDITIONS)("$manifest holds all the text of seeds/$seed", ({ manifest, seed }) => {
  const result = check(manifest, seed);

  it("applies only corrections that match the seed", () => {
    expect(result.unused).toEqual([]);
  });

  it("has every line of the seed", () => {
    expect(result.missing).toEqual([]);
  });

  it("has the providers table row by row, names paired in order", () => {
    expect(result.tableRows.length).toBe(4);
    for (const row of result.tableRows) expect(row.manifest).toEqual(row.seed);
  });

  it("has the PaaS matrix cell by cell, when the edition has one", () => {
    for (const row of result.matrixRows) expect(row.manifest).toEqual(row.seed);
    if (manifest.includes("2025-12")) expect(result.matrixRows.length).toBe(6);
  });
});

describe("the comparison itself", () => {
  it("reads corrections, including line breaks", () => {
    const src = '# correction: seed reads "an environ-\\nment", corrected to "an environment" (page break)\n';
    expect(readCorrections(src)).toEqual([{ from: "an environ-\nment", to: "an environment" }]);
    expect(applyCorrections("is an environ-\n\nment where", readCorrections(src)).text).toBe("is an environment where");
  });

  it("does not correct inside a longer word", () => {
    const c = [{ from: "dista Secure Cloud", to: "Adista Secure Cloud" }];
    expect(applyCorrections("Adista Secure Cloud\tdista Secure Cloud", c).text).toBe("Adista Secure Cloud\tAdista Secure Cloud");
  });

  it("fails when a paragraph is missing from the manifest", () => {
    const data = { sections: [{ type: "editorial", blocks: [{ p: "First paragraph." }] }] };
    const found = makeFinder(data);
    expect(found("First paragraph.")).toBe(true);
    expect(found("Second paragraph.")).toBe(false);
  });
});
