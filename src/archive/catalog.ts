// The catalog of the archive: catalog.json and catalog.html at the archive
// root, one entry per archived edition and language, newest first. Links are
// relative, so the page works opened straight from disk or from a checkout.
// No timestamp of its own: the same archive always gives the same catalog.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { StagedFiles } from "../runtime/atomic-write.js";
import { catalogHtml } from "./catalog-html.js";
import { type ArchiveLocation, archivedEditionIds, archiveRoot, editionArchive, SUPERSEDED_DIR } from "./locations.js";
import { readRecord } from "./record.js";

export interface CatalogEntry {
  edition: string;
  language: string;
  date: string;
  label: string;
  title: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** Relative to the catalog, with forward slashes. */
  pdf: string;
  thumbnail?: string;
  revision: number;
  archivedAt: string;
  /** Earlier revisions kept under superseded/. */
  superseded: number;
}

export interface Catalog {
  editions: CatalogEntry[];
}

export interface CatalogResult {
  html: string;
  json: string;
  catalog: Catalog;
}

const href = (from: string, file: string) => path.relative(from, file).split(path.sep).join("/");

export async function collectCatalog(loc: ArchiveLocation): Promise<Catalog> {
  const root = archiveRoot(loc);
  const entries: CatalogEntry[] = [];
  for (const id of (await archivedEditionIds(loc)).reverse()) {
    const folder = editionArchive(id, loc);
    const record = await readRecord(folder);
    if (!record) continue;
    const superseded = (await readdir(path.join(folder, SUPERSEDED_DIR)).catch(() => [])).length;
    for (const l of record.languages)
      entries.push({
        edition: id,
        language: l.language,
        date: l.date,
        label: l.label,
        title: l.title,
        pages: l.pages,
        bytes: l.bytes,
        sha256: l.sha256,
        pdf: href(root, path.join(folder, l.pdf)),
        ...(l.thumbnail ? { thumbnail: href(root, path.join(folder, l.thumbnail)) } : {}),
        revision: record.revision,
        archivedAt: record.archivedAt,
        superseded,
      });
  }
  return { editions: entries };
}

/** Writes both files together: each is staged and renamed into place. */
export async function writeCatalog(loc: ArchiveLocation): Promise<CatalogResult> {
  const root = archiveRoot(loc);
  const catalog = await collectCatalog(loc);
  const html = path.join(root, "catalog.html");
  const json = path.join(root, "catalog.json");
  const staged = new StagedFiles();
  try {
    await staged.write(json, `${JSON.stringify(catalog, null, 2)}\n`);
    await staged.write(html, catalogHtml(catalog));
    await staged.commit();
  } catch (err) {
    await staged.discard();
    throw err;
  }
  return { html, json, catalog };
}
