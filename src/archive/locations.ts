// Where archived editions live. By default beside their manifests, in
// editions/<id>/published/, so they are kept under version control with them;
// with an archive folder, in <folder>/<id>/. The catalog goes at the root.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { EDITION_ID } from "../manifest/primitives.js";
import { type ProjectPaths, projectPaths } from "../paths.js";

export interface ArchiveLocation {
  paths?: ProjectPaths;
  /** A folder holding <id>/ archives instead of editions/<id>/published/. */
  archiveDir?: string;
}

/** The record of an archived revision, beside its files. */
export const RECORD_FILE = "archive.json";
export const SUPERSEDED_DIR = "superseded";
export const REASON_FILE = "REASON";

export const pathsOf = (loc: ArchiveLocation): ProjectPaths => loc.paths ?? projectPaths;

/** The folder the catalog is written to and links from. */
export function archiveRoot(loc: ArchiveLocation): string {
  return loc.archiveDir ? path.resolve(loc.archiveDir) : pathsOf(loc).editions;
}

export function editionArchive(id: string, loc: ArchiveLocation): string {
  return loc.archiveDir ? path.join(path.resolve(loc.archiveDir), id) : path.join(pathsOf(loc).editions, id, "published");
}

export async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Ids of the editions that have an archive record, oldest first. */
export async function archivedEditionIds(loc: ArchiveLocation): Promise<string[]> {
  const root = archiveRoot(loc);
  const names = await readdir(root).catch(() => [] as string[]);
  const ids: string[] = [];
  for (const id of names.filter((n) => EDITION_ID.test(n)).sort())
    if (await isFile(path.join(editionArchive(id, loc), RECORD_FILE))) ids.push(id);
  return ids;
}

/** A path as the user would type it from where they stand. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") ? rel : file;
}

/** The archive folder a command was given: its --archive-dir flag, else OBSERVATORY_ARCHIVE_DIR, else none (the default layout). */
export function archiveDirSetting(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = flag ?? env.OBSERVATORY_ARCHIVE_DIR;
  return dir?.trim() ? path.resolve(dir) : undefined;
}
