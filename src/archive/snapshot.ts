// Builds for the archive read manifests from a private copy of editions/, so
// the archived text is by construction the text that was built, even if an
// editor saves the file mid-build. Other editions are copied too: a
// "whats-new" section compares with an earlier one.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { listManifests } from "../manifest/discover.js";
import type { Language } from "../manifest/primitives.js";

export async function snapshotEditions(
  editionsDir: string,
  target: string,
  id: string,
  manifests: ReadonlyMap<Language, Uint8Array>,
): Promise<void> {
  for (const m of await listManifests(editionsDir)) {
    if (m.edition === id) continue;
    await mkdir(path.join(target, m.edition), { recursive: true });
    await copyFile(m.file, path.join(target, m.edition, `${m.language}.yaml`));
  }
  await mkdir(path.join(target, id), { recursive: true });
  for (const [language, data] of manifests) await writeFile(path.join(target, id, `${language}.yaml`), data);
}
