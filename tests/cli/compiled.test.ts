// The command users run is the JavaScript bundled into dist/; the tests import
// the TypeScript in src/. These check the two agree: dist/ was compiled from
// the sources as they are now (content digest, not mtimes), holds every
// command, and gives the same answers.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain-JS set-up script, without type declarations.
import { BUNDLE_CONTENTS, builtDigest, distDir, sourceDigest } from "../../scripts/compile.mjs";
import { checkEditions } from "../../src/checks/check-editions.js";
import { checksAsJson } from "../../src/cli/check-edition.js";
import { projectRoot } from "../../src/paths.js";
import { observatory } from "../support/observatory.js";

describe("the compiled command", () => {
  it("was compiled from the sources as they are now", () => {
    expect(builtDigest(), "dist/ is stale: run npm run compile (set-up does it)").toBe(sourceDigest());
  });

  it("holds every command module, and links the files read at run time", () => {
    const contents: Record<string, string[]> = JSON.parse(readFileSync(path.join(distDir, BUNDLE_CONTENTS), "utf8"));
    const bundled = new Set(Object.values(contents).flat());
    const commands = readdirSync(path.join(projectRoot, "src", "cli")).map((f) => `src/cli/${f}`);
    expect(commands.filter((f) => !bundled.has(f))).toEqual([]);
    for (const file of Object.keys(contents)) expect(existsSync(path.join(distDir, file))).toBe(true);
    // Not compiled, linked: both read the same bytes.
    expect(readFileSync(path.join(distDir, "in-page", "helpers.js"), "utf8")).toBe(
      readFileSync(path.join(projectRoot, "src", "readback", "in-page", "helpers.js"), "utf8"),
    );
    expect(existsSync(path.join(distDir, "client", "index.html"))).toBe(true);
  });

  it("answers as the sources do", async () => {
    const all = observatory(["check", "--all", "--json"]);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual(checksAsJson(await checkEditions({ all: true })));
  });
});
