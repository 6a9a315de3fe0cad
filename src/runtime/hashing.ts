// sha256 of files and of whole folders. A folder's digest covers its sorted
// relative paths and their contents, so a rename changes it as an edit does.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface FileDigest {
  sha256: string;
  bytes: number;
}

export interface TreeDigest {
  sha256: string;
  /** Relative path (with /) -> sha256, so a difference can be named. */
  files: Record<string, string>;
}

export const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

export async function digestFile(file: string): Promise<FileDigest> {
  const data = await readFile(file);
  return { sha256: sha256(data), bytes: data.length };
}

/** Files under `dir`, relative with forward slashes, sorted; `skip` sees each relative path. Dot files are left out. */
export async function listFiles(dir: string, skip: (rel: string) => boolean = () => false): Promise<string[]> {
  const found: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(dir, rel), { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT" && rel === "") return [];
      throw err;
    });
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (skip(child)) continue;
      if (e.isDirectory()) await walk(child);
      else if (e.isFile()) found.push(child);
    }
  }
  await walk("");
  return found.sort();
}

export function digestEntries(entries: Record<string, string>): string {
  const hash = createHash("sha256");
  for (const name of Object.keys(entries).sort()) hash.update(`${name}\u0000${entries[name]}\n`);
  return hash.digest("hex");
}

/** Digest of every file under `dir`; an absent folder digests as empty. */
export async function digestTree(dir: string): Promise<TreeDigest> {
  const files: Record<string, string> = {};
  for (const rel of await listFiles(dir)) files[rel] = (await digestFile(path.join(dir, rel))).sha256;
  return { sha256: digestEntries(files), files };
}
