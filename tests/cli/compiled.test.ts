// The command users run is the JavaScript in dist/; the tests import the
// TypeScript in src/. These check the two agree: dist/ was compiled from the
// sources as they are now (content digest, not mtimes), holds a module for
// every source module, and gives the same answers.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain-JS set-up script, without type declarations.
import { builtDigest, distDir, sourceDigest } from "../../scripts/compile.mjs";
import { checksAsJson } from "../../src/cli/check-edition.js";
import { checkEditions } from "../../src/manifest/check-editions.js";
import { projectRoot } from "../../src/paths.js";
import { observatory } from "../support/observatory.js";

const list = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));

describe("the compiled command", () => {
  it("was compiled from the sources as they are now", () => {
    expect(builtDigest(), "dist/ is stale: run npm run compile (set-up does it)").toBe(sourceDigest());
  });

  it("has a module for every source module and nothing else", () => {
    const expected = list(path.join(projectRoot, "src"))
      .map((f) => f.replace(/\.ts$/, ".js"))
      .sort();
    const built = list(distDir)
      .filter((f) => !f.endsWith(".map") && !f.startsWith("."))
      .sort();
    expect(built).toEqual(expected);
    // Files that are not compiled are linked to their sources, so both read the same bytes.
    expect(existsSync(path.join(distDir, "preflight", "in-page", "helpers.js"))).toBe(true);
  });

  it("answers as the sources do", async () => {
    const all = observatory(["check", "--all", "--json"]);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual(checksAsJson(await checkEditions({ all: true })));
  });
});
