// The series across every edition is made again only when what it is made
// from changed (src/pipeline/data-output.ts): a rebuild of the same inputs
// keeps its files as they are; a file changed by hand, or a manifest edited,
// writes them anew, to what a build from nothing gives.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";
import { build } from "../../src/pipeline/build-edition.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

describe("the series over a build", () => {
  let project: ProjectCopy;
  let session: BrowserSession;
  const dir = () => path.join(project.paths.output, "series", "en");
  const files = () => readdirSync(dir()).sort();
  const contents = () => Object.fromEntries(files().map((f) => [f, readFileSync(path.join(dir(), f), "utf8")]));
  const times = () => files().map((f) => statSync(path.join(dir(), f)).mtimeMs);
  const run = () => build({ paths: project.paths, editions: ["2026-04"], session });
  let first: Record<string, string>;

  beforeAll(async () => {
    project = copyProject();
    session = new BrowserSession();
    await run();
    first = contents();
  });
  afterAll(async () => {
    await session.close();
    project.remove();
  });

  it("is kept as it is by a rebuild of the same inputs, and its record sits beside the folder, not in it", async () => {
    const before = times();
    const result = await run();
    expect(times()).toEqual(before);
    expect(result.series?.map((f) => path.basename(f)).sort()).toEqual(files());
    expect(files().some((f) => f.startsWith("."))).toBe(false);
    const stamp = JSON.parse(readFileSync(path.join(project.paths.output, "series", ".inputs-en.json"), "utf8"));
    expect(Object.keys(stamp.files).sort()).toEqual(files());
  });

  it("is written again when one of its files was changed since", async () => {
    const name = files().find((f) => f.endsWith(".csv")) as string;
    writeFileSync(path.join(dir(), name), "changed by hand\n");
    await run();
    expect(contents()).toEqual(first);
  });

  it("is made again when a manifest changed: the new data are in it", async () => {
    // December has no English manifest: the English series reads its French one, where each stage was first published.
    const manifest = path.join(project.paths.editions, "2025-12", "fr.yaml");
    const text = readFileSync(manifest, "utf8");
    const renamed = text.replace(/provider: Scaleway\b/, 'provider: "Renamed Provider & Co"');
    expect(renamed).not.toBe(text);
    writeFileSync(manifest, renamed);
    await run();
    expect(Object.values(contents()).join("\n")).toContain("Renamed Provider & Co");
  });
});
