// The catalog of the archive: catalog.json, catalog.html and catalog.atom at
// the archive root, one entry per archived edition and language, newest
// first, linking its PDF, web edition and open data. Links are relative, so
// the page works opened straight from disk or from a checkout. No timestamp
// of its own: the same archive always gives the same catalog.
//
// Only what verifies is published: an edition whose archive fails
// archive:verify (a forged record, a broken seal or signature, a folder gone
// though the catalog listed it) is withheld, named with what is wrong, and
// none of its record's claims (title, sha256) are repeated.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { StagedFiles } from "../runtime/atomic-write.js";
import { catalogAtom } from "./catalog-atom.js";
import { catalogHtml } from "./catalog-html.js";
import type { FindingKind } from "./findings.js";
import { type ArchiveLocation, archiveRoot, editionArchive, SUPERSEDED_DIR } from "./locations.js";
import { readRecord } from "./record.js";
import type { SigningOptions } from "./signature.js";
import { verifyArchive } from "./verify-archive.js";

export interface CatalogEntry {
  edition: string;
  language: string;
  date: string;
  label: string;
  title: string;
  publisher?: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** Relative to the catalog, with forward slashes. */
  pdf: string;
  thumbnail?: string;
  /** The web edition, when archived with it. */
  web?: string;
  /** The open data's datapackage.json, when archived with it. */
  data?: string;
  revision: number;
  archivedAt: string;
  /** Earlier revisions kept under superseded/. */
  superseded: number;
  /** The principal of allowed_signers that signed the revision; absent when unsigned. */
  signedBy?: string;
}

/** An edition left out because its archive does not verify. */
export interface WithheldEdition {
  edition: string;
  /** What verify found, each at its file relative to the catalog. */
  problems: { kind: FindingKind; file: string }[];
}

export interface Catalog {
  editions: CatalogEntry[];
  withheld: WithheldEdition[];
}

export interface CatalogResult {
  html: string;
  json: string;
  atom: string;
  catalog: Catalog;
}

const href = (from: string, file: string) => path.relative(from, file).split(path.sep).join("/");

/**
 * Findings about editions/ or a run in progress, not about the archive: the
 * published revision is intact and stays listed (archive:verify reports them).
 */
const BESIDE_THE_ARCHIVE = new Set<FindingKind>(["manifest-edited", "manifest-removed", "manifest-added", "interrupted", "conformance"]);

export async function collectCatalog(loc: ArchiveLocation & SigningOptions): Promise<Catalog> {
  const root = archiveRoot(loc);
  const entries: CatalogEntry[] = [];
  const withheld: WithheldEdition[] = [];
  // The record's claims are believed only once the archive verifies (seal, signature, files);
  // the conformance of the PDFs is archive:verify's report, not a reason to hide an edition.
  const verified = await verifyArchive({ ...loc, conformance: false });
  for (const check of [...verified.editions].reverse()) {
    // An unreadable catalog.json is the one this run replaces.
    if (check.findings.length && check.findings.every((f) => f.kind === "catalog-invalid")) continue;
    const problems = check.findings.filter((f) => !BESIDE_THE_ARCHIVE.has(f.kind));
    if (problems.length) {
      withheld.push({ edition: check.id, problems: problems.map((f) => ({ kind: f.kind, file: href(root, f.file) })) });
      continue;
    }
    const folder = editionArchive(check.id, loc);
    const record = await readRecord(folder);
    if (!record) continue;
    const superseded = (await readdir(path.join(folder, SUPERSEDED_DIR)).catch(() => [])).length;
    for (const l of record.languages)
      entries.push({
        edition: check.id,
        language: l.language,
        date: l.date,
        label: l.label,
        title: l.title,
        ...(l.publisher ? { publisher: l.publisher } : {}),
        pages: l.pages,
        bytes: l.bytes,
        sha256: l.sha256,
        pdf: href(root, path.join(folder, l.pdf)),
        ...(l.thumbnail ? { thumbnail: href(root, path.join(folder, l.thumbnail)) } : {}),
        ...(l.web ? { web: href(root, path.join(folder, l.web)) } : {}),
        ...(l.data ? { data: href(root, path.join(folder, l.data, "datapackage.json")) } : {}),
        revision: record.revision,
        archivedAt: record.archivedAt,
        superseded,
        ...(check.signer ? { signedBy: check.signer } : {}),
      });
  }
  return { editions: entries, withheld };
}

/** Writes the three files together: each is staged and renamed into place. */
export async function writeCatalog(loc: ArchiveLocation & SigningOptions): Promise<CatalogResult> {
  const root = archiveRoot(loc);
  const catalog = await collectCatalog(loc);
  const html = path.join(root, "catalog.html");
  const json = path.join(root, "catalog.json");
  const atom = path.join(root, "catalog.atom");
  const staged = new StagedFiles();
  try {
    await staged.write(json, `${JSON.stringify(catalog, null, 2)}\n`);
    await staged.write(html, catalogHtml(catalog));
    await staged.write(atom, catalogAtom(catalog));
    await staged.commit();
  } catch (err) {
    await staged.discard();
    throw err;
  }
  return { html, json, atom, catalog };
}
