// What `verify --rebuild` says changed, from two sets of recorded inputs.
import { describe, expect, it } from "vitest";
import { fileChanges, inputChanges } from "../../src/archive/input-changes.js";
import type { BuildInputs, Versions } from "../../src/archive/record.js";
import { digestEntries } from "../../src/runtime/hashing.js";

const inputs = (templates: Record<string, string>, fonts: Record<string, string> = { "@fontsource/inter": "5.3.0" }): BuildInputs => ({
  templates: { sha256: digestEntries(templates), files: templates },
  assets: { sha256: "a".repeat(64), files: {} },
  code: { sha256: "c".repeat(64), files: {} },
  fonts: { sha256: digestEntries(fonts), packages: fonts, files: {} },
});
const versions: Versions = {
  project: "0.1.0",
  node: "v20.20.2",
  chromium: "Chrome/156.0.1",
  "pdf-lib": "1.17.1",
  "puppeteer-core": "24.1.0",
};

describe("input changes", () => {
  it("names changed, added and removed files", () => {
    expect(fileChanges({ a: "1", b: "2", c: "3" }, { a: "1", b: "9", d: "4" })).toEqual(["b changed", "c removed", "d added"]);
  });

  it("names the template that changed and the new Chromium", () => {
    const was = { inputs: inputs({ "layout.hbs": "1", "sections/cover.hbs": "2" }), versions };
    const now = { inputs: inputs({ "layout.hbs": "1", "sections/cover.hbs": "3" }), versions: { ...versions, chromium: "Chrome/157.0.2" } };
    expect(inputChanges(was, now)).toEqual([
      { input: "templates", detail: "sections/cover.hbs changed" },
      { input: "Chromium", detail: "Chrome/156.0.1 → Chrome/157.0.2" },
    ]);
  });

  it("names a font package upgrade", () => {
    const was = { inputs: inputs({}), versions };
    const now = { inputs: inputs({}, { "@fontsource/inter": "5.4.0" }), versions };
    expect(inputChanges(was, now)).toEqual([{ input: "fonts", detail: "@fontsource/inter 5.3.0 → 5.4.0" }]);
  });

  it("finds nothing when nothing changed", () => {
    expect(inputChanges({ inputs: inputs({ a: "1" }), versions }, { inputs: inputs({ a: "1" }), versions })).toEqual([]);
  });
});
