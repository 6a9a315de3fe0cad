// The preflight fixtures (tests/fixtures/preflight/<name>/fixture.yaml): each
// breaks one rule of the base edition, by edits to its manifest ("edition"),
// to the project's templates, labels or style sheet, or, for what Chromium
// never writes, to the built PDF ("pdf:"). Manifest fixtures become editions
// of their own in one project copy, project fixtures are applied together to
// another: one build each for all of them.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument, PDFName, StandardFonts } from "pdf-lib";
import { parse } from "yaml";
import { projectRoot } from "../../src/paths.js";
import type { Finding, RuleId } from "../../src/preflight/rules.js";
import { copyProject, type ProjectCopy } from "./project-copy.js";

export const FIXTURES_DIR = path.join(projectRoot, "tests", "fixtures", "preflight");
export const BASE_MANIFEST = path.join(FIXTURES_DIR, "base", "en.yaml");
export const BASE_ID = "2099-01";

interface Edit {
  /** "edition" (the fixture's manifest) or a path in the project. */
  file: string;
  find?: string;
  replace?: string;
  /** Or: `insert` after the line containing `after`, each line indented by `indent` spaces. */
  after?: string;
  insert?: string;
  indent?: number;
}

export interface Fixture {
  name: string;
  dir: string;
  rule: RuleId;
  severity: "error" | "warning";
  expect: { page?: number; element: string; message: string };
  edits: Edit[];
  copy: { from: string; to: string }[];
  pdf?: "stamp-standard-font" | "drop-structure";
  /** The edition the fixture is built as (manifest fixtures get one each). */
  edition: string;
}

export function loadFixtures(): Fixture[] {
  let month = 1;
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name !== "base")
    .sort()
    .map((name) => {
      const dir = path.join(FIXTURES_DIR, name);
      const raw = parse(readFileSync(path.join(dir, "fixture.yaml"), "utf8"));
      const edits: Edit[] = raw.edits ?? [];
      const own = edits.length > 0 && edits.every((e) => e.file === "edition");
      // 2099-02 to 2099-12, then 2098-01 on: one edition id per manifest fixture.
      const n = own ? ++month : 0;
      const edition = own ? `${2099 - Math.floor((n - 1) / 12)}-${String(((n - 1) % 12) + 1).padStart(2, "0")}` : BASE_ID;
      return { name, dir, severity: "error", copy: [], ...raw, edits, edition };
    });
}

export const kindOf = (f: Fixture) => (f.pdf ? "pdf" : f.edition !== BASE_ID ? "edition" : "project");

export function applyEdits(text: string, edits: Edit[], where: string): string {
  let out = text;
  for (const e of edits) {
    if (e.insert !== undefined && e.after !== undefined) {
      const at = out.indexOf(e.after);
      if (at < 0) throw new Error(`${where}: "${e.after}" not found`);
      const eol = out.indexOf("\n", at) + 1;
      const pad = " ".repeat(e.indent ?? 0);
      const lines = e.insert
        .replace(/\n$/, "")
        .split("\n")
        .map((l) => pad + l);
      out = `${out.slice(0, eol)}${lines.join("\n")}\n${out.slice(eol)}`;
    } else if (e.find !== undefined) {
      if (!out.includes(e.find)) throw new Error(`${where}: "${e.find}" not found (has the base changed?)`);
      out = out.replace(e.find, e.replace ?? "");
    }
  }
  return out;
}

function manifestFor(f: Fixture | undefined, id: string): string {
  // The edition's date moves with its id: a date outside its month is refused.
  const base = readFileSync(BASE_MANIFEST, "utf8")
    .replace(`id: "${BASE_ID}"`, `id: "${id}"`)
    .replace(`date: "${BASE_ID}-01"`, `date: "${id}-01"`);
  return f ? applyEdits(base, f.edits, f.name) : base;
}

function writeEdition(project: ProjectCopy, id: string, text: string): void {
  const dir = path.join(project.paths.editions, id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "en.yaml"), text);
}

/** A copy of the project whose editions are the base and one per manifest fixture. */
export function editionsProject(fixtures: Fixture[]): ProjectCopy {
  const project = copyProject();
  for (const name of readdirSync(project.paths.editions)) rmSync(path.join(project.paths.editions, name), { recursive: true });
  writeEdition(project, BASE_ID, manifestFor(undefined, BASE_ID));
  for (const f of fixtures.filter((x) => kindOf(x) === "edition")) writeEdition(project, f.edition, manifestFor(f, f.edition));
  return project;
}

/** A copy of the project with the base edition and every project fixture applied. */
export function brokenProject(fixtures: Fixture[]): ProjectCopy {
  const project = copyProject();
  for (const name of readdirSync(project.paths.editions)) rmSync(path.join(project.paths.editions, name), { recursive: true });
  writeEdition(project, BASE_ID, manifestFor(undefined, BASE_ID));
  // Project fixtures may also edit the base manifest ("edition"): one base for all of them.
  const projectFixtures = fixtures.filter((x) => kindOf(x) === "project");
  const baseEdits = projectFixtures.flatMap((f) => f.edits.filter((e) => e.file === "edition"));
  if (baseEdits.length) writeEdition(project, BASE_ID, applyEdits(manifestFor(undefined, BASE_ID), baseEdits, "base edits"));
  for (const f of projectFixtures) {
    for (const c of f.copy) {
      mkdirSync(path.dirname(path.join(project.paths.root, c.to)), { recursive: true });
      cpSync(path.join(f.dir, c.from), path.join(project.paths.root, c.to));
    }
    for (const file of new Set(f.edits.map((e) => e.file).filter((file) => file !== "edition"))) {
      const target = path.join(project.paths.root, file);
      const edits = f.edits.filter((e) => e.file === file);
      writeFileSync(target, applyEdits(readFileSync(target, "utf8"), edits, `${f.name}: ${file}`));
    }
  }
  return project;
}

/** Editions a project fixture adds by copying a manifest into editions/<id>/ (built beside the base). */
export function addedEditions(fixtures: Fixture[]): string[] {
  const ids = fixtures.flatMap((f) => f.copy.flatMap((c) => /^editions\/(\d{4}-\d{2})\//.exec(c.to)?.[1] ?? []));
  return [...new Set(ids)].sort();
}

/** What a PDF fixture does to a built PDF. */
export async function breakPdf(bytes: Uint8Array, how: NonNullable<Fixture["pdf"]>): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  if (how === "stamp-standard-font") {
    const helvetica = await doc.embedFont(StandardFonts.Helvetica);
    doc.getPage(2).drawText("Inserted after the build", { x: 60, y: 40, size: 8, font: helvetica });
  } else {
    doc.catalog.delete(PDFName.of("StructTreeRoot"));
  }
  return doc.save({ useObjectStreams: true });
}

/** The finding a fixture expects, if preflight made it. */
export function matching(findings: readonly Finding[], f: Fixture): Finding | undefined {
  return findings.find(
    (x) =>
      x.rule === f.rule &&
      x.severity === f.severity &&
      x.page === f.expect.page &&
      x.element.includes(f.expect.element) &&
      x.message.includes(f.expect.message),
  );
}
