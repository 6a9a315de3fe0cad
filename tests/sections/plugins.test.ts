// A section type is one plug-in, found through the registries: its schema and
// heading (src/sections/registry.ts), its view and what it reads from other
// editions (src/render/section-views.ts), its partial and its test. And what
// `check` reads from other editions is what the build reads: one function.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAcrossEditions } from "../../src/checks/check-across.js";
import { checkEditions } from "../../src/checks/check-editions.js";
import { projectPaths } from "../../src/paths.js";
import { build } from "../../src/pipeline/build-edition.js";
import { SECTION_VIEWS, sectionViews } from "../../src/render/section-views.js";
import { SECTION_KINDS } from "../../src/sections/registry.js";

const root = path.resolve(import.meta.dirname, "../..");
const sectionsDir = path.join(root, "src", "sections");

describe("section types as plug-ins", () => {
  const folders = readdirSync(sectionsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  it("every registered type has its partial and a view in the view registry", () => {
    for (const kind of SECTION_KINDS) {
      expect(existsSync(path.join(projectPaths.templates, "sections", `${kind.type}.hbs`)), kind.type).toBe(true);
      expect(sectionViews.get(kind.type)?.type).toBe(kind.type);
    }
    expect([...sectionViews.keys()].sort()).toEqual(SECTION_KINDS.map((k) => k.type).sort());
  });

  it("a plug-in folder is a registered type, with its view listed and its tests under tests/sections/<type>/", () => {
    expect(folders.sort()).toEqual(["chart", "whats-new"]);
    for (const type of folders) {
      const kind = SECTION_KINDS.find((k) => k.type === type);
      expect(kind, type).toBeDefined();
      // Its view is the plug-in's (view/plugin.ts), never a second one in the schema's file.
      expect(kind?.view, type).toBeUndefined();
      expect(existsSync(path.join(sectionsDir, type, "view", "plugin.ts")), type).toBe(true);
      expect(SECTION_VIEWS.map((v) => v.type)).toContain(type);
      expect(
        readdirSync(path.join(root, "tests", "sections", type)).some((f) => f.endsWith(".test.ts")),
        type,
      ).toBe(true);
    }
  });

  describe("check reads the other editions as the build does", () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "plugins-"));
    afterAll(() => rmSync(tmp, { recursive: true, force: true }));
    const editions = path.join(tmp, "editions");
    cpSync(projectPaths.editions, editions, { recursive: true });
    // An earlier edition the April status and history charts count, broken: the build refuses April.
    const march = path.join(editions, "2026-03", "en.yaml");
    writeFileSync(march, readFileSync(march, "utf8").replace(/^(\s+- )stage: J0$/m, "$1stage: J9"));

    it("check of April names March's problem, and the build of April refuses it for the same reason", async () => {
      const results = await checkEditions({ editionsDir: editions, edition: "2026-04", language: "en" });
      expect(results.map((r) => path.relative(editions, r.file))).toEqual(["2026-04/en.yaml"]);
      await checkAcrossEditions(results, editions, projectPaths.templates);
      const problems = results.flatMap((r) => r.problems);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.file === march)).toBe(true);
      const err: { problems?: { file: string; message: string }[] } = await build({
        paths: { ...projectPaths, editions },
        outputDir: path.join(tmp, "out"),
        editions: ["2026-04"],
        htmlOnly: true,
      }).then(
        () => ({}),
        (e: unknown) => e as { problems?: { file: string; message: string }[] },
      );
      expect(err.problems?.map((p) => p.message)).toEqual(problems.map((p) => p.message));
    });
  });
});
