// Archiving, verifying and cataloguing a real edition in a temporary copy of
// the project. Four builds in all (archive, two rebuilds, --force), each in a
// fresh Chromium as archiving does; the archive made in beforeAll is reused,
// and each case restores what it damages.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AlreadyArchivedError, type ArchiveResult, archiveEdition } from "../../src/archive/archive-edition.js";
import { writeCatalog } from "../../src/archive/catalog.js";
import { readRecord } from "../../src/archive/record.js";
import { verifyArchive } from "../../src/archive/verify-archive.js";
import { RULE_IDS } from "../../src/preflight/rules.js";
import { sha256 } from "../../src/runtime/hashing.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

let project: ProjectCopy;
let first: ArchiveResult;
// Preflight findings on the templates are tests/preflight's business; archiving
// must work whatever state they are in, and records what it allowed.
const ALLOW = [...RULE_IDS];
const folder = () => path.join(project.paths.editions, "2026-03", "published");
const archived = (rel: string) => path.join(folder(), rel);
const manifest = () => path.join(project.paths.editions, "2026-03", "en.yaml");

/** Runs `fn` with `file` changed by `change`, then puts the file back. */
async function withChanged<T>(file: string, change: (data: Buffer) => Buffer, fn: () => Promise<T>): Promise<T> {
  const original = readFileSync(file);
  writeFileSync(file, change(Buffer.from(original)));
  try {
    return await fn();
  } finally {
    writeFileSync(file, original);
  }
}

beforeAll(async () => {
  project = copyProject();
  first = await archiveEdition({ id: "2026-03", paths: project.paths, allow: ALLOW });
});
afterAll(async () => {
  project.remove();
});

describe("archiving an edition", () => {
  it("keeps the PDF, the exact manifest, a cover thumbnail and a record of every file's sha256", async () => {
    expect(first.folder).toBe(folder());
    const { record } = first;
    expect(record).toMatchObject({ format: 1, edition: "2026-03", revision: 1 });
    const files = record.files.map((f) => f.path);
    // With the PDF: its web edition, its open data and the series across editions (issue 20).
    for (const f of [
      "2026-03-en.cover.png",
      "2026-03-en.pdf",
      "manifests/en.yaml",
      "2026-03-en-web.html",
      "2026-03-en-data/datapackage.json",
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => !/^(2026-03-en-data|series)\//.test(f))).toEqual([
      "2026-03-en-web.html",
      "2026-03-en.cover.png",
      "2026-03-en.pdf",
      "manifests/en.yaml",
    ]);
    for (const f of record.files) expect(sha256(readFileSync(archived(f.path)))).toBe(f.sha256);
    expect(readFileSync(archived("manifests/en.yaml")).equals(readFileSync(manifest()))).toBe(true);
    expect(readFileSync(archived("2026-03-en.cover.png")).subarray(1, 4).toString()).toBe("PNG");
    const pdf = await PDFDocument.load(readFileSync(archived("2026-03-en.pdf")), { updateMetadata: false });
    expect(record.languages).toEqual([
      expect.objectContaining({
        language: "en",
        label: "MARCH 2026 EDITION",
        date: "2026-03-01",
        pdf: "2026-03-en.pdf",
        pages: pdf.getPageCount(),
      }),
    ]);
    expect(await readRecord(folder())).toEqual(record);
  });

  it("records the inputs and versions a rebuild is compared with", () => {
    const { inputs, versions } = first.record;
    expect(Object.keys(inputs.templates.files)).toContain("layout.hbs");
    expect(Object.keys(inputs.assets.files)).toContain("styles/edition.css");
    expect(Object.keys(inputs.fonts.packages).sort()).toEqual(["@fontsource/inter", "@fontsource/source-serif-4"]);
    expect(Object.keys(inputs.fonts.files).every((f) => f.endsWith(".woff2"))).toBe(true);
    expect(versions).toMatchObject({ project: "0.1.0", node: process.version, chromium: expect.stringMatching(/^(Headless)?Chrome\/\d+/) });
    expect(versions["pdf-lib"]).toMatch(/^@cantoo\/pdf-lib \d+\.\d+\.\d+$/);
    expect(first.record.allow).toEqual([...ALLOW].sort());
  });

  it("verifies: every file matches, the manifest is unchanged", async () => {
    const result = await verifyArchive({ paths: project.paths });
    expect(result.ok).toBe(true);
    // The seal (SHA256SUMS) covers the files and the record.
    expect(result.editions.map((e) => [e.id, e.revision, e.filesChecked, e.findings])).toEqual([
      ["2026-03", 1, first.record.files.length + 1, []],
    ]);
  });

  it("refuses to archive it again, touching nothing", async () => {
    const before = readFileSync(archived("archive.json"));
    const err = await archiveEdition({ id: "2026-03", paths: project.paths, allow: ALLOW }).catch((e) => e);
    expect(err).toBeInstanceOf(AlreadyArchivedError);
    expect(err.message).toMatch(
      /^edition 2026-03 is already archived in .*published \(revision 1, .*\) and an archived edition is never overwritten\./,
    );
    expect(err.message).toContain('run again with --force --reason "why"');
    expect(readFileSync(archived("archive.json")).equals(before)).toBe(true);
  });

  it("names the archived PDF when one of its bytes changes", async () => {
    const flip = (data: Buffer) => {
      data[5000] ^= 0xff;
      return data;
    };
    const result = await withChanged(archived("2026-03-en.pdf"), flip, () => verifyArchive({ paths: project.paths, id: "2026-03" }));
    expect(result.ok).toBe(false);
    expect(result.editions[0].findings).toEqual([
      {
        kind: "file-changed",
        file: archived("2026-03-en.pdf"),
        message: expect.stringMatching(/2026-03-en\.pdf changed after archiving: sha256 [0-9a-f]{12}…/),
      },
    ]);
  });

  it("reports a manifest edited after archiving, with the first line that differs", async () => {
    const edit = (data: Buffer) =>
      Buffer.from(data.toString("utf8").replace("label: MARCH 2026 EDITION", "label: MARCH 2026 EDITION (corrected)"));
    const result = await withChanged(manifest(), edit, () => verifyArchive({ paths: project.paths, id: "2026-03" }));
    const [finding] = result.editions[0].findings;
    expect(finding.kind).toBe("manifest-edited");
    expect(finding.message).toMatch(
      /en\.yaml was edited after edition 2026-03 was archived \(first difference at line 8: archived "label: MARCH 2026 EDITION", now "label: MARCH 2026 EDITION \(corrected\)"\)/,
    );
    expect(finding.message).toContain("npm run archive -- 2026-03 --force");
  });

  it("rebuilds the archived manifest to a byte-identical PDF", async () => {
    const result = await verifyArchive({ paths: project.paths, id: "2026-03", rebuild: true });
    expect(result.editions[0].findings).toEqual([]);
    expect(result.editions[0].rebuild).toEqual([
      expect.objectContaining({ language: "en", identical: true, rebuiltSha256: first.record.languages[0].sha256, dataDiffers: [] }),
    ]);
  });

  it("says which input changed when a rebuild differs", async () => {
    const css = path.join(project.paths.assets, "styles", "edition.css");
    const redder = (data: Buffer) => Buffer.concat([data, Buffer.from("\nh1 { color: #c00; }\n")]);
    const result = await withChanged(css, redder, () => verifyArchive({ paths: project.paths, id: "2026-03", rebuild: true }));
    const [outcome] = result.editions[0].rebuild ?? [];
    expect(outcome.identical).toBe(false);
    // src/ may change under a test run while people work: only the assets are asserted.
    expect(outcome.changed).toContainEqual({ input: "assets", detail: "styles/edition.css changed" });
    expect(outcome.changed.map((c) => c.input).filter((i) => i !== "code")).toEqual(["assets"]);
    expect(result.editions[0].findings[0].message).toMatch(
      /the rebuilt PDF differs .*; changed since archiving: assets \(styles\/edition\.css changed\)/,
    );
  });

  it("with --force, archives again and keeps the earlier revision with its reason", async () => {
    const second = await archiveEdition({ id: "2026-03", paths: project.paths, force: { reason: "typo in the editorial" }, allow: ALLOW });
    expect(second.record).toMatchObject({ revision: 2, supersedes: { revision: 1, reason: "typo in the editorial" } });
    expect(second.superseded).toBe(archived("superseded/1"));
    expect(sha256(readFileSync(archived("superseded/1/2026-03-en.pdf")))).toBe(first.record.languages[0].sha256);
    expect(await readRecord(archived("superseded/1"))).toEqual(first.record);
    expect(readFileSync(archived("superseded/1/REASON"), "utf8")).toMatch(
      /^Revision 1 of edition 2026-03, .* superseded by revision 2 .*\nReason: typo in the editorial\n$/,
    );
    const verified = await verifyArchive({ paths: project.paths });
    // Its files and record; superseded/1/: its files, its record, REASON and its seal.
    const n = first.record.files.length;
    expect(verified.editions.map((e) => [e.revision, e.filesChecked, e.findings])).toEqual([[2, 2 * n + 4, []]]);
    expect(second.record.supersedes?.seal).toBe(sha256(readFileSync(archived("superseded/1/SHA256SUMS"))));
  });

  it("catalogs the archive with links that work from disk", async () => {
    const { catalog, html, json } = await writeCatalog({ paths: project.paths });
    expect(path.dirname(html)).toBe(project.paths.editions);
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(catalog);
    const [entry] = catalog.editions;
    expect(entry).toMatchObject({
      edition: "2026-03",
      language: "en",
      revision: 2,
      superseded: 1,
      pdf: "2026-03/published/2026-03-en.pdf",
    });
    expect(sha256(readFileSync(path.join(path.dirname(html), entry.pdf)))).toBe(entry.sha256);
    expect(readFileSync(path.join(path.dirname(html), entry.thumbnail ?? "")).length).toBeGreaterThan(100);
    const page = readFileSync(html, "utf8");
    expect(page).toContain(`<a href="2026-03/published/2026-03-en.pdf">SecNumCloud Observatory — MARCH 2026 EDITION</a>`);
    expect(page).toContain(`<img src="2026-03/published/2026-03-en.cover.png"`);
  });
});
