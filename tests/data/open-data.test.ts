// The open data written by build:edition beside each PDF, read back as a
// reader's program would: CSVs with csv-parse, the JSON against the JSON
// Schema the data package carries, the descriptor against the files, and
// every value against the manifests, walked here independently of src/data.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { describe, expect, inject, it } from "vitest";
import { editionDataFiles } from "../../src/data/data-files.js";
import type { Edition } from "../../src/manifest/edition-schema.js";
import { loadManifest, parseManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";
import { EDITIONS } from "../support/built-editions.js";

type Rec = Record<string, string>;
type Files = Map<string, Buffer>;

const dataDir = (id: string, language: string) => path.join(inject("builtDir"), id, `${id}-${language}-data`);
const readDir = (dir: string, names: string[]): Files => new Map(names.map((n) => [n, readFileSync(path.join(dir, n))]));
const NAMES = ["datapackage.json", "providers.csv", "sources.csv", "paas-matrix.csv", "figures.csv", "edition.json"];
const asFiles = (edition: Edition): Files =>
  new Map(editionDataFiles(edition, projectPaths.templates).map((f) => [f.name, Buffer.from(f.bytes)]));

function csv(files: Files, name: string): Rec[] {
  const bytes = files.get(name) as Buffer;
  return parse(bytes, { columns: true, bom: false, relax_column_count: false, record_delimiter: "\r\n" });
}

const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
const stripMarks = (s: string) =>
  s
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/\*(.+?)\*/g, "$1");

/** Every check a reader can make of one edition's data, against its manifest. */
function checkEdition(edition: Edition, files: Files): void {
  const pkg = JSON.parse((files.get("datapackage.json") as Buffer).toString("utf8"));
  // The descriptor: a resource per file, sizes and hashes right, fields as the headers.
  expect(pkg.licenses.length).toBeGreaterThan(0);
  expect(pkg.edition).toMatchObject({ id: edition.edition.id, language: edition.edition.language, label: edition.edition.label });
  expect(pkg.resources.map((r: { path: string }) => r.path)).toEqual(NAMES.slice(1));
  for (const r of pkg.resources) {
    const bytes = files.get(r.path) as Buffer;
    expect(r.bytes).toBe(bytes.length);
    expect(r.hash).toBe(`sha256:${createHash("sha256").update(bytes).digest("hex")}`);
    expect(r.description.length).toBeGreaterThan(5);
    if (r.format !== "csv") continue;
    const text = bytes.toString("utf8");
    expect(Buffer.from(text, "utf8").equals(bytes)).toBe(true); // valid UTF-8
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "").includes("\n")).toBe(false);
    expect(text.split("\r\n")[0]).toBe(r.schema.fields.map((f: { name: string }) => f.name).join(","));
    for (const f of r.schema.fields) expect(f.description.length, `${r.name}.${f.name}`).toBeGreaterThan(3);
    expect(text).not.toMatch(/[\uE000\uE001]|unknown:|\[object/);
  }
  // The JSON: valid against the package's own schema, and the same rows as the CSVs.
  const json = JSON.parse((files.get("edition.json") as Buffer).toString("utf8"));
  const schema = pkg.resources.find((r: { path: string }) => r.path === "edition.json").jsonSchema;
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  for (const r of pkg.resources.filter((x: { format: string }) => x.format === "csv")) {
    const rows = csv(files, r.path);
    expect(
      json[r.name].map((o: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? "" : String(v)])),
      ),
    ).toEqual(rows);
  }

  // Every row of the providers table, in the manifest's order, with its stage, date and source.
  const expected: Rec[] = [];
  for (const s of edition.sections)
    if (s.type === "providers")
      for (const m of s.models)
        for (const [status, list] of [
          ["in-progress", m.in_progress],
          ["qualified", m.qualified],
        ] as const)
          for (const row of list)
            expected.push({
              model: m.model,
              status,
              provider_id: row.provider_id ?? slug(row.provider),
              provider: row.provider,
              offer_id: row.offer_id ?? slug(row.offer),
              offer: row.offer,
              stage: row.stage ?? "",
              since: row.since ?? "",
              source_id: row.source ?? "",
            });
  const providers = csv(files, "providers.csv");
  expect(providers.length).toBe(expected.length);
  providers.forEach((row, i) => {
    expect(row).toMatchObject({ edition: edition.edition.id, ...expected[i] });
    expect(row.status_label).not.toBe("");
    expect(row.stage_label === "").toBe(row.stage === "");
  });

  // Every source, with its date and address.
  const sources = csv(files, "sources.csv");
  const items = edition.sections.flatMap((s) => (s.type === "sources" ? s.items : []));
  expect(sources.map((r) => [r.id, r.title, r.date, r.url, r.about])).toEqual(
    items.map((i) => [i.id ?? "", stripMarks(i.title), i.date ?? "", i.url ?? "", i.about ?? ""]),
  );
  for (const r of providers) if (r.source_id) expect(sources.some((s) => s.id === r.source_id)).toBe(true);

  // Every cell of the PaaS matrix.
  const matrix = csv(files, "paas-matrix.csv");
  const cells = edition.sections.flatMap((s) =>
    s.type === "paas-zoom" ? s.matrix.flatMap((m) => s.offers.filter((o) => o.id in m.cells).map((o) => ({ m, o, c: m.cells[o.id] }))) : [],
  );
  expect(matrix.map((r) => [r.pillar_id, r.offer_id, r.qualified, r.stage, r.state])).toEqual(
    cells.map(({ m, o, c }) => [m.pillar, o.id, String(o.qualified), c?.stage ? String(c.stage) : "", c?.state ?? "unavailable"]),
  );
}

describe("open data beside each built PDF", () => {
  for (const { id, language } of EDITIONS)
    it(`${id} ${language}: every row, stage, date and source of the manifest`, async () => {
      const files = readDir(dataDir(id, language), NAMES);
      const { edition } = await loadManifest(path.join(projectPaths.editions, id, `${language}.yaml`));
      checkEdition(edition, files);
      // What the build wrote is what src/data makes of the manifest.
      for (const [name, bytes] of asFiles(edition)) expect(files.get(name)?.equals(bytes), name).toBe(true);
      const report = JSON.parse(readFileSync(path.join(inject("builtDir"), id, `${id}-${language}.report.json`), "utf8"));
      expect(report.data).toEqual(NAMES.map((n) => `${id}-${language}-data/${n}`));
    });

  it("December 2025: the chart figures are the hand counts", () => {
    const figures = csv(readDir(dataDir("2025-12", "fr"), ["figures.csv"]), "figures.csv");
    const value = (chart: string, series: string, model = "") =>
      figures.find((f) => f.chart === chart && f.series === series && f.model === model)?.value;
    expect(["IaaS", "CaaS", "PaaS", "SaaS"].map((m) => value("candidates", "applicants", m))).toEqual(["11", "2", "5", "3"]);
    expect(
      ["IaaS", "CaaS", "PaaS", "SaaS"].map((m) => [value("scope", "offers-in-progress", m), value("scope", "offers-qualified", m)]),
    ).toEqual([
      ["11", "7"],
      ["2", "0"],
      ["5", "1"],
      ["3", "8"],
    ]);
    expect(["J0", "J1", "J2", "J3", "unpublished", "qualified-providers"].map((s) => value("status", s))).toEqual([
      "3",
      "4",
      "0",
      "0",
      "7",
      "9",
    ]);
    expect(figures.find((f) => f.series === "applicants")?.series_label).toBe("Candidats");
  });

  it("a generated edition of 53 rows, long names, '&', commas and quotes", () => {
    const file = path.join(projectPaths.root, "tests/fixtures/long-edition/2026-09/fr.yaml");
    // One provider renamed so that its fields need quoting in CSV (RFC 4180: comma, quote).
    const source = readFileSync(file, "utf8").replace(/- provider: ([^,}\n]+)/, `- provider: 'Dupont & Fils, "Cloud" $1'`);
    const { edition, problems } = parseManifest(source, file);
    expect(problems).toEqual([]);
    const files = asFiles(edition as Edition);
    checkEdition(edition as Edition, files);
    const rows = csv(files, "providers.csv");
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => r.provider.startsWith('Dupont & Fils, "Cloud" ')).length).toBeGreaterThan(0);
    expect((files.get("providers.csv") as Buffer).toString()).toContain('"Dupont & Fils, ""Cloud"" ');
  });

  it("a value not known yet is an empty field, never the placeholder", async () => {
    const { edition } = await loadManifest(path.join(projectPaths.root, "tests/fixtures/placeholder/2026-04/en.yaml"));
    const files = asFiles(edition);
    const rows = csv(files, "providers.csv");
    expect(rows.find((r) => r.provider === "Bleu")).toMatchObject({ offer: "", offer_id: "", stage: "J1", since: "2026-02-10" });
    expect(rows.find((r) => r.provider === "S3NS" && r.model === "PaaS")).toMatchObject({ offer: "PREMI3NS", stage: "J2", since: "" });
    for (const [name, bytes] of files) expect(bytes.toString("utf8"), name).not.toMatch(/[\uE000\uE001]|logo lost|to confirm/);
  });
});

describe("the two languages of a month", () => {
  // Words of the language: labels, titles as printed. Every other column is the same.
  const LABELS = new Set(["status_label", "stage_label", "state_label", "series_label", "title", "kind", "pillar"]);
  it("fr and en of December 2025 carry the same data, labels apart", async () => {
    const fr = asFiles((await loadManifest(path.join(projectPaths.editions, "2025-12/fr.yaml"))).edition);
    const en = asFiles((await loadManifest(path.join(projectPaths.root, "tests/fixtures/bilingual/2025-12/en.yaml"))).edition);
    let labelsDiffer = 0;
    for (const name of NAMES.filter((n) => n.endsWith(".csv"))) {
      const a = csv(fr, name);
      const b = csv(en, name);
      expect(b.length, name).toBe(a.length);
      a.forEach((row, i) => {
        for (const [k, v] of Object.entries(row)) {
          if (LABELS.has(k)) labelsDiffer += v !== b[i][k] ? 1 : 0;
          else expect(b[i][k], `${name} row ${i} ${k}`).toBe(v);
        }
      });
    }
    expect(labelsDiffer).toBeGreaterThan(20);
    const frPkg = JSON.parse((fr.get("datapackage.json") as Buffer).toString());
    const enPkg = JSON.parse((en.get("datapackage.json") as Buffer).toString());
    expect(frPkg.resources[0].schema.fields[2].description).not.toBe(enPkg.resources[0].schema.fields[2].description);
    expect(frPkg.resources.map((r: { schema?: { fields: { name: string }[] } }) => r.schema?.fields.map((f) => f.name))).toEqual(
      enPkg.resources.map((r: { schema?: { fields: { name: string }[] } }) => r.schema?.fields.map((f) => f.name)),
    );
  });
});
