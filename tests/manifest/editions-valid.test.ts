// The three published editions load: YAML, schema, cross-references and file name.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe.each([
  ["editions/2025-12/fr.yaml", "2025-12", "fr"],
  ["editions/2026-03/en.yaml", "2026-03", "en"],
  ["editions/2026-04/en.yaml", "2026-04", "en"],
])("%s", (file, id, language) => {
  it("validates", async () => {
    const loaded = await loadManifest(path.join(root, file)).catch((err: { problems?: unknown }) => {
      throw new Error(`${file} does not validate:\n${JSON.stringify(err.problems ?? err, null, 2)}`);
    });
    expect(loaded.edition.edition.id).toBe(id);
    expect(loaded.edition.edition.language).toBe(language);
  });
});
