// The run-wide edition reader (src/diff/edition-reader.ts), as a history chart
// reads through it: the same editions as historyEditionsFor() over the folder for every
// job of a run, over a generated folder of many months in both languages, with each
// earlier edition parsed once (the jobs share the very same objects).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { editionReader } from "../../src/diff/edition-reader.js";
import { type LoadedEdition, loadManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";
import { historyEditionsFor } from "../../src/sections/chart/view/history-editions.js";

/** What the build gives a chart for each job of one run: one reader shared by the jobs. */
function historyLoader(dir: string) {
  const reader = editionReader(dir);
  return (loaded: LoadedEdition) => historyEditionsFor(loaded, reader);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "history-cache-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const editions = path.join(tmp, "editions");
cpSync(projectPaths.editions, editions, { recursive: true });
const april = readFileSync(path.join(projectPaths.editions, "2026-04", "en.yaml"), "utf8");
const months = ["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"];
for (const id of months) {
  mkdirSync(path.join(editions, id));
  writeFileSync(
    path.join(editions, id, "en.yaml"),
    april.replace('id: "2026-04"', `id: "${id}"`).replace('date: "2026-04-01"', `date: "${id}-01"`),
  );
}

describe("history loader shared by the jobs of one run", () => {
  it("gives what historyEditionsFor gives, for each edition, and parses each earlier edition once", async () => {
    const load = historyLoader(editions);
    const runs = [];
    for (const id of ["2025-12", "2026-04", ...months]) {
      const lang = id === "2025-12" ? "fr" : "en";
      const loaded = await loadManifest(path.join(editions, id, `${lang}.yaml`));
      const shared = await load(loaded);
      expect(shared).toEqual(await historyEditionsFor(loaded, editions));
      runs.push({ id, shared });
    }
    const withChart = runs.filter((r) => r.shared);
    // Every edition here prints a status chart, which reads the earlier editions too (chart-data.ts).
    expect(withChart.map((r) => r.id)).toEqual(["2025-12", "2026-04", ...months]);
    const last = withChart[withChart.length - 1].shared ?? [];
    expect(last.map((e) => e.edition.id)).toEqual(["2025-12", "2026-03", "2026-04", ...months]);
    // The jobs of the run hold the same parsed objects, not copies: one parse each.
    for (const r of withChart.slice(1)) {
      const earlier = r.shared ?? [];
      for (let i = 0; i < earlier.length - 1; i++) expect(earlier[i]).toBe(last[i]);
    }
  });

  it("reads the files anew in a new run (a preview save sees the edit)", async () => {
    const file = path.join(editions, "2026-05", "en.yaml");
    const loaded = await loadManifest(path.join(editions, "2026-06", "en.yaml"));
    const before = (await historyLoader(editions)(loaded)) ?? [];
    writeFileSync(file, readFileSync(file, "utf8").replace("label: APRIL 2026 EDITION", "label: MAY 2026 EDITION"));
    const after = (await historyLoader(editions)(loaded)) ?? [];
    expect(before.find((e) => e.edition.id === "2026-05")?.edition.label).toBe("APRIL 2026 EDITION");
    expect(after.find((e) => e.edition.id === "2026-05")?.edition.label).toBe("MAY 2026 EDITION");
  });
});
