// The inputs digest shared by the jobs of a run: run from src/, the code digest is
// src/'s own (what the archive records), and the other inputs are the archive's too.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeInputs } from "../../src/archive/build-inputs.js";
import { projectPaths, projectRoot } from "../../src/paths.js";
import { typesetInputs, typesetKey } from "../../src/pipeline/typeset-memo.js";
import { digestTree } from "../../src/runtime/hashing.js";

describe("typeset inputs, digested once per run", () => {
  it("are the archive's digests of templates, assets, fonts and src/, and of the editions folder", async () => {
    const [inputs, archive, editions] = await Promise.all([
      typesetInputs(projectPaths),
      describeInputs(projectPaths),
      digestTree(projectPaths.editions),
    ]);
    expect(inputs.templates).toBe(archive.templates.sha256);
    expect(inputs.assets).toBe(archive.assets.sha256);
    expect(inputs.fonts).toBe(archive.fonts.sha256);
    expect(inputs.code).toBe((await digestTree(path.join(projectRoot, "src"))).sha256);
    expect(inputs.editions).toBe(editions.sha256);
  });

  it("give one key per manifest, profile and Chromium", async () => {
    const inputs = await typesetInputs(projectPaths);
    const file = path.join(projectPaths.editions, "2026-04", "en.yaml");
    const key = typesetKey(inputs, projectPaths, file, "digital", "chromium 1");
    expect(typesetKey(inputs, projectPaths, file, "digital", "chromium 1")).toBe(key);
    expect(typesetKey(inputs, projectPaths, file, "print", "chromium 1")).not.toBe(key);
    expect(typesetKey(inputs, projectPaths, file, "digital", "chromium 2")).not.toBe(key);
    expect(typesetKey({ ...inputs, code: "other" }, projectPaths, file, "digital", "chromium 1")).not.toBe(key);
  });
});
