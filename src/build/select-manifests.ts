// Which manifest files a build covers: named editions, all of them, or the latest.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";

export interface Selection {
  ids?: string[];
  all?: boolean;
  languages?: Language[];
}

async function editionIds(editionsDir: string): Promise<string[]> {
  const entries = await readdir(editionsDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && /^\d{4}-\d{2}$/.test(e.name)).map((e) => e.name).sort();
}

export async function selectManifests(editionsDir: string, selection: Selection): Promise<string[]> {
  const available = await editionIds(editionsDir);
  let ids = selection.ids?.length ? selection.ids : selection.all ? available : available.slice(-1);
  if (!ids.length) throw new ManifestError([{ file: editionsDir, line: 1, column: 1, path: "", message: "expected at least one edition folder (YYYY-MM), found none" }]);
  const unknown = ids.filter((id) => !available.includes(id));
  if (unknown.length)
    throw new ManifestError([
      { file: editionsDir, line: 1, column: 1, path: "", message: `expected an edition among ${available.join(", ")}, got "${unknown[0]}"` },
    ]);
  ids = [...new Set(ids)];
  const files: string[] = [];
  for (const id of ids) {
    const names = (await readdir(path.join(editionsDir, id))).filter((n) => /^[a-z]{2}\.yaml$/.test(n)).sort();
    for (const name of names) {
      const lang = name.slice(0, 2) as Language;
      if (!selection.languages?.length || selection.languages.includes(lang)) files.push(path.join(editionsDir, id, name));
    }
  }
  return files;
}
