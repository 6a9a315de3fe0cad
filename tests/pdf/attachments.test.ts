// The open data travel inside the PDF: what poppler's pdfdetach lists and
// saves from a built edition is, byte for byte, the data folder beside it;
// qpdf finds the file sound; the conformance checks pass, and catch each
// PDF/A-3 6.8 rule broken on a copy. Digital (the editions the run built) and
// print profile (December 2025 in both languages), French and English.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName, type PDFRawStream, type PDFRef, type PDFString } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkConformance } from "../../src/conformance/check-pdf.js";
import type { Standard } from "../../src/conformance/types.js";
import { projectPaths } from "../../src/paths.js";
import { type Attachment, attachFiles } from "../../src/pdf/attachments.js";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { built, EDITIONS } from "../support/built-editions.js";

const NAMES = ["datapackage.json", "edition.json", "figures.csv", "paas-matrix.csv", "providers.csv", "sources.csv"];
const N = (s: string) => PDFName.of(s);
const txt = (d: PDFDict, key: string) => (d.lookup(N(key)) as PDFString | PDFHexString).decodeText();
const work = mkdtempSync(path.join(os.tmpdir(), "attachments-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** pdfdetach -list, then -saveall into a fresh folder: the names it lists and the bytes it saves. */
function detach(pdf: string): { listed: string[]; saved: Map<string, Buffer> } {
  const list = execFileSync("pdfdetach", ["-list", pdf], { encoding: "utf8" }).trim().split("\n");
  expect(list[0]).toBe(`${list.length - 1} embedded files`);
  const dir = mkdtempSync(path.join(work, "saved-"));
  execFileSync("pdfdetach", ["-saveall", "-o", dir, pdf]);
  return {
    listed: list.slice(1).map((l) => l.replace(/^\d+: /, "")),
    saved: new Map(readdirSync(dir).map((n) => [n, readFileSync(path.join(dir, n))])),
  };
}

function expectSameAsBeside(pdf: string, dataDir: string): void {
  const { listed, saved } = detach(pdf);
  expect(listed).toEqual(NAMES);
  expect([...saved.keys()].sort()).toEqual(readdirSync(dataDir).sort());
  for (const [name, bytes] of saved) expect(bytes.equals(readFileSync(path.join(dataDir, name))), name).toBe(true);
  const check = spawnSync("qpdf", ["--check", pdf], { encoding: "utf8" });
  expect(check.stderr).toBe("");
  expect(check.stdout).toContain("No syntax or stream encoding errors found");
  expect(check.status).toBe(0);
}

/** The file specifications the catalog lists in /AF, by name. */
function specs(doc: PDFDocument): Map<string, PDFDict> {
  const af = doc.catalog.lookup(N("AF"), PDFArray);
  return new Map(
    af.asArray().map((r) => {
      const d = doc.context.lookup(r as PDFRef, PDFDict);
      return [txt(d, "UF"), d];
    }),
  );
}

describe("the data attached to each built edition (digital)", () => {
  for (const { id, language } of EDITIONS)
    it(`${id} ${language}: pdfdetach lists the six files and saves the bytes beside the PDF; qpdf --check clean`, () => {
      const { pdf } = built(id, language);
      expectSameAsBeside(pdf, path.join(inject("builtDir"), id, `${id}-${language}-data`));
    });

  it("each file says what it is, its type, size, checksum and the edition's date, and how it relates to the document", async () => {
    const { pdf } = built("2026-04", "en");
    const doc = await PDFDocument.load(readFileSync(pdf), { updateMetadata: false });
    const found = specs(doc);
    expect([...found.keys()]).toEqual(NAMES);
    for (const [name, spec] of found) {
      expect(spec.lookup(N("AFRelationship"))).toBe(N(name === "datapackage.json" ? "Supplement" : "Data"));
      expect(txt(spec, "F")).toBe(name);
      expect(txt(spec, "Desc").length).toBeGreaterThan(5);
      const stream = spec.lookup(N("EF"), PDFDict).lookup(N("F")) as PDFRawStream;
      expect(stream.dict.lookup(N("Subtype"), PDFName).decodeText()).toBe(name.endsWith(".csv") ? "text/csv" : "application/json");
      const params = stream.dict.lookup(N("Params"), PDFDict);
      expect(params.get(N("Size"))?.toString()).toBe(String(readFileSync(path.join(path.dirname(pdf), "2026-04-en-data", name)).length));
      // The edition's date (editions/2026-04/en.yaml), not the time of the build.
      expect(txt(params, "ModDate")).toBe("D:20260401000000Z");
    }
    // Described in the language of the edition: the table's title, as the data package has it.
    expect(txt(found.get("providers.csv") as PDFDict, "Desc")).toBe("Applicants and qualified offers");
  });
});

describe("the print profile, in French and in English", () => {
  let jobs: JobResult[];
  const out = path.join(work, "print");
  beforeAll(async () => {
    // December 2025 as published (fr) and as translated (tests/fixtures/bilingual): a month in both languages.
    const editions = path.join(work, "editions");
    mkdirSync(path.join(editions, "2025-12"), { recursive: true });
    copyFileSync(path.join(projectPaths.editions, "2025-12", "fr.yaml"), path.join(editions, "2025-12", "fr.yaml"));
    copyFileSync(path.join(projectPaths.root, "tests/fixtures/bilingual/2025-12/en.yaml"), path.join(editions, "2025-12", "en.yaml"));
    copyFileSync(path.join(projectPaths.editions, "edition.schema.json"), path.join(editions, "edition.schema.json"));
    ({ jobs } = await build({
      paths: { ...projectPaths, editions },
      editions: ["2025-12"],
      profile: "print",
      outputDir: out,
      // The translation breaks "SecNumCloud-qualified" at a line end on page 10: a typesetting matter, not this test's.
      allow: ["hyphenated-name"],
    }));
  });

  it("both languages carry their data, the same bytes as beside them, and pass PDF/A-3", async () => {
    expect(jobs.map((j) => j.language).sort()).toEqual(["en", "fr"]);
    for (const job of jobs) {
      expectSameAsBeside(job.pdf as string, path.join(out, "2025-12", `2025-12-${job.language}-data`));
      expect(job.conformance?.findings).toEqual([]);
    }
    const [fr, en] = ["fr", "en"].map((l) => jobs.find((j) => j.language === l) as JobResult);
    const desc = async (job: JobResult) =>
      txt(
        specs(await PDFDocument.load(readFileSync(job.pdf as string), { updateMetadata: false })).get("providers.csv") as PDFDict,
        "Desc",
      );
    expect(await desc(fr)).not.toBe(await desc(en));
  });
});

describe("PDF/A-3 6.8 and PDF/UA-1 7.11 on a copy of April with one thing removed", () => {
  const BOTH: Standard[] = ["PDF/A-3", "PDF/UA-1"];
  async function broken(edit: (spec: PDFDict, doc: PDFDocument) => void): Promise<string[]> {
    const doc = await PDFDocument.load(readFileSync(built("2026-04", "en").pdf), { updateMetadata: false });
    edit(specs(doc).get("providers.csv") as PDFDict, doc);
    const { findings } = await checkConformance(await doc.save({ useObjectStreams: false }), BOTH);
    return findings.map((f) => `${f.standard} ${f.rule} ${f.object}`);
  }
  const stream = (spec: PDFDict) => spec.lookup(N("EF"), PDFDict).lookup(N("F")) as PDFRawStream;

  it("the edition as built: no finding", async () => {
    expect(await broken(() => {})).toEqual([]);
  });
  it("6.8-1: no MIME type, or a name that is not one", async () => {
    expect(await broken((s) => stream(s).dict.delete(N("Subtype")))).toEqual([
      expect.stringMatching(/^PDF\/A-3 6\.8-1 Filespec providers\.csv .*EF\/F$/),
    ]);
    expect(await broken((s) => stream(s).dict.set(N("Subtype"), N("csv")))).toEqual([expect.stringMatching(/^PDF\/A-3 6\.8-1 /)]);
  });
  it("6.8-2 and 7.11-1: no UF", async () => {
    expect(await broken((s) => s.delete(N("UF")))).toEqual([
      expect.stringMatching(/^PDF\/A-3 6\.8-2 /),
      expect.stringMatching(/^PDF\/UA-1 7\.11-1 /),
    ]);
  });
  it("6.8-3: no AFRelationship, or one ISO 32000-2 does not name", async () => {
    expect(await broken((s) => s.delete(N("AFRelationship")))).toEqual([expect.stringMatching(/^PDF\/A-3 6\.8-3 /)]);
    expect(await broken((s) => s.set(N("AFRelationship"), N("Table")))).toEqual([expect.stringMatching(/^PDF\/A-3 6\.8-3 /)]);
  });
  it("6.8-4: a file the catalog's AF does not list", async () => {
    const found = await broken((_s, doc) => {
      const af = doc.catalog.lookup(N("AF"), PDFArray);
      af.remove(af.asArray().findIndex((r) => txt(doc.context.lookup(r as PDFRef, PDFDict), "F") === "providers.csv"));
    });
    expect(found).toEqual([expect.stringMatching(/^PDF\/A-3 6\.8-4 Filespec providers\.csv/)]);
  });
});

describe("attachFiles", () => {
  const files: Attachment[] = [
    { name: "b.csv", bytes: new TextEncoder().encode("x\r\n1\r\n"), mediatype: "text/csv", description: "B", relationship: "Data" },
    {
      name: "a.json",
      bytes: new TextEncoder().encode("{}\n"),
      mediatype: "application/json",
      description: "A",
      relationship: "Supplement",
    },
  ];
  async function saved(list: Attachment[], date: Date): Promise<Buffer> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.addPage();
    attachFiles(doc, list, date);
    return Buffer.from(await doc.save({ useObjectStreams: true }));
  }

  it("gives the same bytes for the same files and date, in whatever order they come; the date is the one given", async () => {
    const date = new Date("2026-04-01T00:00:00Z");
    const one = await saved(files, date);
    expect(one.equals(await saved([...files].reverse(), date))).toBe(true);
    expect(one.equals(await saved(files, new Date("2026-05-01T00:00:00Z")))).toBe(false);
    const file = path.join(work, "small.pdf");
    writeFileSync(file, one);
    expect(detach(file).listed).toEqual(["a.json", "b.csv"]);
  });

  it("refuses a name /F could not carry as it is", async () => {
    await expect(saved([{ ...files[0], name: "données.csv" }], new Date(0))).rejects.toThrow(/ASCII/);
  });
});
