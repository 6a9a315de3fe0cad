// Finding editions on disk, in a temporary folder laid out like editions/.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EditionNotFoundError, editionFiles, latestEdition, listEditions, listManifests } from "../../src/manifest/discover.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "editions-"));
  const files = [
    "2025-12/fr.yaml",
    "2026-03/en.yaml",
    "2026-04/en.yaml",
    "2026-04/fr.yaml",
    "2026-04/notes.md",
    "drafts/en.yaml",
    "2026-13/en.yaml",
  ];
  for (const f of files) {
    await mkdir(path.join(dir, path.dirname(f)), { recursive: true });
    await writeFile(path.join(dir, f), "");
  }
  await mkdir(path.join(dir, "2026-05")); // a folder started but without a manifest yet
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("editions discovery", () => {
  it("lists YYYY-MM folders holding fr.yaml or en.yaml, oldest first, fr before en", async () => {
    expect(await listEditions(dir)).toEqual(["2025-12", "2026-03", "2026-04"]);
    const april = (await listManifests(dir)).filter((m) => m.edition === "2026-04");
    expect(april.map((m) => [m.language, m.file])).toEqual([
      ["fr", path.join(dir, "2026-04", "fr.yaml")],
      ["en", path.join(dir, "2026-04", "en.yaml")],
    ]);
  });

  it("finds the latest edition", async () => {
    expect(await latestEdition(dir)).toBe("2026-04");
  });

  it("gives the files of an edition, or of one of its languages", async () => {
    expect((await editionFiles("2026-04", { editionsDir: dir })).map((m) => m.language)).toEqual(["fr", "en"]);
    expect((await editionFiles("2026-04", { editionsDir: dir, language: "en" })).map((m) => m.language)).toEqual(["en"]);
  });

  it("names the available editions for an unknown id", async () => {
    await expect(editionFiles("2026-05", { editionsDir: dir })).rejects.toThrow(
      /expected one of the editions in .+ \(2025-12, 2026-03, 2026-04\), got "2026-05"/,
    );
  });

  it("refuses a malformed id, an unknown language and a language the edition lacks", async () => {
    await expect(editionFiles("2026-4", { editionsDir: dir })).rejects.toThrow(
      'expected an edition id written YYYY-MM, like "2026-04", got "2026-4"',
    );
    await expect(editionFiles("2026-04", { editionsDir: dir, language: "de" })).rejects.toThrow(
      'expected a language among fr or en, got "de"',
    );
    await expect(editionFiles("2025-12", { editionsDir: dir, language: "en" })).rejects.toThrow(
      "expected a en.yaml in edition 2025-12, got only fr.yaml",
    );
    await expect(editionFiles("april", { editionsDir: dir })).rejects.toBeInstanceOf(EditionNotFoundError);
  });

  it("says so when there is no edition or no folder", async () => {
    const empty = await mkdtemp(path.join(tmpdir(), "editions-empty-"));
    await expect(latestEdition(empty)).rejects.toThrow(/expected at least one edition .+, got none/);
    await rm(empty, { recursive: true });
    await expect(listManifests(empty)).rejects.toThrow(/expected an editions folder at .+, got nothing there/);
  });
});
