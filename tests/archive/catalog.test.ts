// The catalog from records written by hand into an archive folder
// (--archive-dir layout), sealed as archive seals them: order, relative links,
// escaping, the Atom feed, an edition withheld when it does not verify. No
// browser needed (the feed is parsed by Chromium's XML parser in signed.test.ts).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCatalog } from "../../src/archive/catalog.js";
import { encodeHref, escapeHtml } from "../../src/archive/catalog-html.js";
import { archiveDirSetting, archivedEditionIds, editionArchive } from "../../src/archive/locations.js";
import { type ArchiveRecord, writeRecord } from "../../src/archive/record.js";
import { writeSeal } from "../../src/archive/seal.js";
import { pathsFor } from "../../src/paths.js";
import { sha256 } from "../../src/runtime/hashing.js";

const sha = (c: string) => c.repeat(64);
const tree = { sha256: sha("0"), files: {} };

const PDF = "%PDF";
const DATA = '{"name":"d"}';

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
        publisher: "Cyber Task Force",
        web: `${id}-en-web.html`,
        data: `${id}-en-data`,
      },
    ],
    files: [
      { path: `${id}-en-data/datapackage.json`, bytes: DATA.length, sha256: sha256(DATA) },
      { path: `${id}-en-web.html`, bytes: 6, sha256: sha256("<html>") },
      { path: `${id}-en.pdf`, bytes: PDF.length, sha256: sha256(PDF) },
    ],
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
    mkdirSync(path.join(folder, `${id}-en-data`), { recursive: true });
    writeFileSync(path.join(folder, `${id}-en.pdf`), PDF);
    writeFileSync(path.join(folder, `${id}-en-web.html`), "<html>");
    writeFileSync(path.join(folder, `${id}-en-data`, "datapackage.json"), DATA);
    await writeRecord(folder, record(id, title, id === "2026-04" ? 2 : 1));
    if (id === "2026-04") {
      // Revision 1 kept under superseded/ as --force keeps it: sealed, with its REASON.
      const old = path.join(dir, "old");
      cpSync(folder, old, { recursive: true });
      await writeRecord(old, record(id, title, 1));
      await writeSeal(old);
      cpSync(old, path.join(folder, "superseded", "1"), { recursive: true });
      writeFileSync(path.join(folder, "superseded", "1", "REASON"), "why\n");
      rmSync(old, { recursive: true });
    }
    await writeSeal(folder);
  }
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
    const { catalog, html, json, atom } = await writeCatalog({ archiveDir: dir });
    expect([html, json, atom]).toEqual([path.join(dir, "catalog.html"), path.join(dir, "catalog.json"), path.join(dir, "catalog.atom")]);
    expect(catalog.withheld).toEqual([]);
    expect(catalog.editions.map((e) => [e.edition, e.revision, e.superseded, e.pdf, e.thumbnail])).toEqual([
      ["2026-04", 2, 1, "2026-04/2026-04-en.pdf", "2026-04/2026-04-en.cover.png"],
      ["2026-03", 1, 0, "2026-03/2026-03-en.pdf", "2026-03/2026-03-en.cover.png"],
    ]);
    for (const e of catalog.editions) expect(readFileSync(path.join(dir, e.pdf), "utf8")).toBe("%PDF");
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(catalog);
  });

  it("links, per edition and language, the PDF, the web edition and the open data", async () => {
    const { catalog, html } = await writeCatalog({ archiveDir: dir });
    expect(catalog.editions[1]).toMatchObject({
      web: "2026-03/2026-03-en-web.html",
      data: "2026-03/2026-03-en-data/datapackage.json",
      publisher: "Cyber Task Force",
    });
    for (const e of catalog.editions)
      for (const rel of [e.pdf, e.web, e.data]) expect(readFileSync(path.join(dir, rel ?? "")).length).toBeGreaterThan(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain(
      '<p class="links"><a href="2026-03/2026-03-en.pdf">PDF</a> · <a href="2026-03/2026-03-en-web.html">web edition</a> · <a href="2026-03/2026-03-en-data/datapackage.json">open data (CSV, JSON)</a></p>',
    );
    expect(page).toContain('<link rel="alternate" type="application/atom+xml"');
  });

  it("writes an Atom feed: ids, dates, links per edition and language, the same bytes from the same archive", async () => {
    const { atom } = await writeCatalog({ archiveDir: dir });
    const feed = readFileSync(atom, "utf8");
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    const entries = feed.split("<entry ").slice(1);
    expect(entries).toHaveLength(2);
    expect(feed).toMatch(/<updated>2026-04-02T09:00:00\.000Z<\/updated>\n {2}<author>/);
    const [april] = entries;
    expect(april).toMatch(/<id>urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/id>/);
    expect(april).toContain(
      '<link rel="alternate" type="application/pdf" href="2026-04/2026-04-en.pdf" hreflang="en" length="150000" title="PDF"/>',
    );
    expect(april).toContain('<link rel="alternate" type="text/html" href="2026-04/2026-04-en-web.html" hreflang="en"');
    expect(april).toContain('<link rel="related" type="application/json" href="2026-04/2026-04-en-data/datapackage.json"');
    expect(april).toContain("<title>April &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>");
    expect(april).toContain("<author><name>Cyber Task Force</name></author>");
    const again = readFileSync((await writeCatalog({ archiveDir: dir })).atom, "utf8");
    expect(again).toBe(feed);
  });

  it("withholds an edition whose archive does not verify: its record's title and sha256 are not repeated", async () => {
    const file = path.join(dir, "2026-03", "archive.json");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace('"title": "March"', '"title": "Forged"').replace(sha("a"), sha("b")));
    try {
      const { catalog, html, atom } = await writeCatalog({ archiveDir: dir });
      expect(catalog.editions.map((e) => e.edition)).toEqual(["2026-04"]);
      expect(catalog.withheld).toEqual([{ edition: "2026-03", problems: [{ kind: "file-changed", file: "2026-03/archive.json" }] }]);
      for (const text of [JSON.stringify(catalog), readFileSync(html, "utf8"), readFileSync(atom, "utf8")]) {
        expect(text).not.toContain("Forged");
        expect(text).not.toContain(sha("b"));
      }
    } finally {
      writeFileSync(file, original);
    }
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
