// The catalog from records written by hand into an archive folder
// (--archive-dir layout): order, relative links, escaping. No browser needed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCatalog } from "../../src/archive/catalog.js";
import { encodeHref, escapeHtml } from "../../src/archive/catalog-html.js";
import { archiveDirSetting, archivedEditionIds, editionArchive } from "../../src/archive/locations.js";
import { type ArchiveRecord, writeRecord } from "../../src/archive/record.js";
import { pathsFor } from "../../src/paths.js";

const sha = (c: string) => c.repeat(64);
const tree = { sha256: sha("0"), files: {} };

function record(id: string, title: string, revision = 1): ArchiveRecord {
  return {
    format: 1,
    edition: id,
    revision,
    archivedAt: `${id}-02T09:00:00.000Z`,
    languages: [
      {
        language: "en",
        title,
        label: "EDITION",
        date: `${id}-01`,
        pdf: `${id}-en.pdf`,
        manifest: "manifests/en.yaml",
        thumbnail: `${id}-en.cover.png`,
        pages: 12,
        bytes: 150_000,
        sha256: sha("a"),
      },
    ],
    files: [],
    inputs: { templates: tree, assets: tree, code: tree, fonts: { ...tree, packages: {} } },
    versions: { project: "0.1.0", node: "v20", chromium: "Chrome/1", "pdf-lib": "1", "puppeteer-core": "1" },
  };
}

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "archive-catalog-"));
  for (const [id, title] of [
    ["2026-03", "March"],
    ["2026-04", `April <script>alert("x")</script> & co`],
  ]) {
    const folder = editionArchive(id, { archiveDir: dir });
    mkdirSync(folder, { recursive: true });
    await writeRecord(folder, record(id, title, id === "2026-04" ? 2 : 1));
    writeFileSync(path.join(folder, `${id}-en.pdf`), "%PDF");
  }
  mkdirSync(path.join(dir, "2026-04", "superseded", "1"), { recursive: true });
  mkdirSync(path.join(dir, "2026-05")); // started, never archived
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the archive location", () => {
  it("is editions/<id>/published/ by default, <dir>/<id>/ with an archive folder", () => {
    const paths = pathsFor("/project");
    expect(editionArchive("2026-04", { paths })).toBe("/project/editions/2026-04/published");
    expect(editionArchive("2026-04", { paths, archiveDir: "/srv/archive" })).toBe("/srv/archive/2026-04");
  });

  it("comes from --archive-dir, else OBSERVATORY_ARCHIVE_DIR", () => {
    expect(archiveDirSetting("/a", { OBSERVATORY_ARCHIVE_DIR: "/b" })).toBe("/a");
    expect(archiveDirSetting(undefined, { OBSERVATORY_ARCHIVE_DIR: "/b" })).toBe("/b");
    expect(archiveDirSetting(undefined, {})).toBeUndefined();
  });

  it("lists only editions with a record", async () => {
    expect(await archivedEditionIds({ archiveDir: dir })).toEqual(["2026-03", "2026-04"]);
  });
});

describe("the catalog", () => {
  it("lists every archived edition, newest first, with links relative to itself", async () => {
    const { catalog, html, json } = await writeCatalog({ archiveDir: dir });
    expect([html, json]).toEqual([path.join(dir, "catalog.html"), path.join(dir, "catalog.json")]);
    expect(catalog.editions.map((e) => [e.edition, e.revision, e.superseded, e.pdf, e.thumbnail])).toEqual([
      ["2026-04", 2, 1, "2026-04/2026-04-en.pdf", "2026-04/2026-04-en.cover.png"],
      ["2026-03", 1, 0, "2026-03/2026-03-en.pdf", "2026-03/2026-03-en.cover.png"],
    ]);
    for (const e of catalog.editions) expect(readFileSync(path.join(dir, e.pdf), "utf8")).toBe("%PDF");
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(catalog);
  });

  it("escapes everything it writes into the page", async () => {
    const { html } = await writeCatalog({ archiveDir: dir });
    const page = readFileSync(html, "utf8");
    expect(page).not.toContain("<script>");
    expect(page).toContain("April &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(page).toContain("146 KB");
    expect(escapeHtml(`a"b'<`)).toBe("a&quot;b&#39;&lt;");
    expect(encodeHref("2026-04/a b#1.pdf")).toBe("2026-04/a%20b%231.pdf");
  });

  it("writes the same bytes from the same archive", async () => {
    const once = readFileSync((await writeCatalog({ archiveDir: dir })).html);
    const twice = readFileSync((await writeCatalog({ archiveDir: dir })).html);
    expect(twice.equals(once)).toBe(true);
  });
});
