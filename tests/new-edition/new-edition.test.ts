// Starting next month from the previous edition: the label moves on in its
// language and case, nothing else in the file changes, nothing is overwritten,
// and the result validates and builds to a PDF.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";
import { ManifestError } from "../../src/manifest/problem.js";
import { moveMonth } from "../../src/new-edition/month-label.js";
import { NewEditionError, newEdition } from "../../src/new-edition/new-edition.js";
import { build } from "../../src/pipeline/build-edition.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

let project: ProjectCopy;
const editionsDir = () => project.paths.editions;
const read = (rel: string) => readFileSync(path.join(editionsDir(), rel), "utf8");

beforeAll(() => {
  project = copyProject();
});
afterAll(() => project.remove());

describe("moving a label on", () => {
  it.each([
    ["APRIL 2026 EDITION", "en", "2026-05", "MAY 2026 EDITION"],
    ["ÉDITION DÉCEMBRE 2025", "fr", "2026-01", "ÉDITION JANVIER 2026"],
    ["Édition juillet 2026", "fr", "2026-08", "Édition août 2026"],
    ["ÉDITION JUILLET 2026", "fr", "2026-08", "ÉDITION AOÛT 2026"],
    ["The March 2026 edition", "en", "2026-04", "The April 2026 edition"],
    ["édition de décembre 2026", "fr", "2027-01", "édition de janvier 2027"],
  ] as const)("%s -> %s", (label, language, id, expected) => {
    expect(moveMonth(label, language, id)).toBe(expected);
  });

  it("gives nothing for a label without a month, so the caller can say so", () => {
    expect(moveMonth("SPECIAL EDITION", "en", "2026-05")).toBeUndefined();
    expect(moveMonth("MAY DAY 2026", "fr", "2026-05")).toBeUndefined();
  });
});

describe("a new edition from the latest one", () => {
  it("copies the manifest with its id, date and label moved on, and nothing else changed", async () => {
    const result = await newEdition({ id: "2026-05", editionsDir: editionsDir() });
    expect(result.from).toBe("2026-04");
    expect(result.manifests.map((m) => [m.language, m.label, m.date, m.warnings])).toEqual([["en", "MAY 2026 EDITION", "2026-05-01", []]]);
    const before = read("2026-04/en.yaml").split("\n");
    const after = read("2026-05/en.yaml").split("\n");
    expect(after[0]).toBe("# yaml-language-server: $schema=../edition.schema.json");
    expect(after[1]).toMatch(/^# Started from 2026-04\/en\.yaml by `npm run new:edition`/);
    // The old header said which seed the April text came from: wrong for May, so it goes.
    expect(after.join("\n")).not.toContain("002_97050cc66275aee2.txt");
    const changed = after.slice(2).filter((line, i) => line !== before.slice(3)[i]);
    expect(changed).toEqual([
      '  id: "2026-05"',
      "  label: MAY 2026 EDITION",
      '  date: "2026-05-01" # the edition prints no day: first of the month',
    ]);
    expect(after.length).toBe(before.length - 1);
  });

  it("validates with the loader every command uses", async () => {
    const { edition } = await loadManifest(path.join(editionsDir(), "2026-05", "en.yaml"));
    expect(edition.edition).toMatchObject({ id: "2026-05", label: "MAY 2026 EDITION", date: "2026-05-01" });
  });

  it("builds to a PDF", async () => {
    // No rule allowed: the month after April builds as it is, its history chart of four editions included.
    const result = await build({ paths: project.paths, editions: ["2026-05"] });
    expect(result.jobs[0].pages).toBeGreaterThan(5);
    expect(readFileSync(result.jobs[0].html, "utf8")).toContain("MAY 2026 EDITION");
  });

  it("refuses to overwrite, and leaves the file as it was", async () => {
    const file = path.join(editionsDir(), "2026-05", "en.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}# edited by hand\n`);
    await expect(newEdition({ id: "2026-05", editionsDir: editionsDir() })).rejects.toThrow(
      /editions\/2026-05\/en\.yaml already exists; edit it, or delete it to start again from 2026-04$/,
    );
    expect(readFileSync(file, "utf8")).toMatch(/# edited by hand\n$/);
  });
});

describe("a new edition from a named one", () => {
  it("moves a French label on, accents and capitals kept", async () => {
    const result = await newEdition({ id: "2026-01", from: "2025-12", editionsDir: editionsDir() });
    expect(result.manifests[0]).toMatchObject({ language: "fr", label: "ÉDITION JANVIER 2026", date: "2026-01-01" });
    expect(read("2026-01/fr.yaml")).toContain("  label: ÉDITION JANVIER 2026\n");
  });

  it("refuses a malformed id, a --from after the new edition, and an unknown --from", async () => {
    await expect(newEdition({ id: "2026-5", editionsDir: editionsDir() })).rejects.toThrow(
      'expected the new edition\'s id written YYYY-MM, like "2026-05", got "2026-5"',
    );
    await expect(newEdition({ id: "2026-02", from: "2026-03", editionsDir: editionsDir() })).rejects.toThrow(
      "expected --from to name an edition before 2026-02, got 2026-03",
    );
    await expect(newEdition({ id: "2026-07", from: "2026-06", editionsDir: editionsDir() })).rejects.toThrow(
      /expected one of the editions in .*, got "2026-06"/,
    );
    await expect(newEdition({ id: "2025-01", editionsDir: editionsDir() })).rejects.toBeInstanceOf(NewEditionError);
  });

  it("refuses to start from an edition that has problems, and writes nothing", async () => {
    const file = path.join(editionsDir(), "2026-03", "en.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("publisher: Cyber Task Force", "publisher: ''"));
    const err = await newEdition({ id: "2026-06", from: "2026-03", editionsDir: editionsDir() }).catch((e) => e);
    expect(err).toBeInstanceOf(ManifestError);
    expect((err as ManifestError).problems[0]).toMatchObject({
      path: "edition.publisher",
      message: "expected some text, got an empty value",
    });
    expect(() => readFileSync(path.join(editionsDir(), "2026-06", "en.yaml"))).toThrow();
  });
});
