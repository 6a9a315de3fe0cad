// Every script's --help prints its usage, exits 0 and writes nothing: not the
// schema file, not dist/ or output/, no temporary folder, nothing git would see.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

// Not --ignored: other test files write their own throw-away folders under tests/.out/ meanwhile.
const gitStatus = () => spawnSync("git", ["status", "--porcelain"], { cwd: projectRoot, encoding: "utf8" }).stdout;
const outputs = () => readdirSync(path.join(projectRoot, "output"), { recursive: true }).sort();

const SCRIPTS: [string, string[], RegExp][] = [
  ["bench", ["--import", "tsx", "scripts/bench.ts"], /^Usage: npm run bench/],
  ["measure:preview", ["--import", "tsx", "scripts/measure-preview.ts"], /^Usage: npm run measure:preview/],
  ["schema", ["--import", "tsx", "scripts/generate-schema.ts"], /^Usage: npm run schema/],
  ["contact sheet", ["--import", "tsx", "scripts/contact-sheet.ts"], /^Usage: npx tsx scripts\/contact-sheet\.ts/],
  ["compile", ["scripts/compile.mjs"], /^Usage: node scripts\/compile\.mjs/],
  ["set-up", ["scripts/ensure-setup.mjs"], /^Usage: node scripts\/ensure-setup\.mjs/],
  ["plain print", ["scripts/plain-print.mjs"], /^Usage: node scripts\/plain-print\.mjs/],
];

describe("--help of every script", () => {
  const schema = path.join(projectRoot, "editions", "edition.schema.json");
  const tmpBefore = readdirSync(os.tmpdir()).filter((f) => f.startsWith("bench-")).length;

  it.each(SCRIPTS)("%s", (_name, args, usage) => {
    const mtime = statSync(schema).mtimeMs;
    const digest = statSync(path.join(projectRoot, "dist", ".source-digest")).mtimeMs;
    const [status, written] = [gitStatus(), outputs()];
    const r = spawnSync(process.execPath, [...args, "--help"], { cwd: projectRoot, encoding: "utf8" });
    expect([r.status, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toMatch(usage);
    expect(gitStatus()).toBe(status);
    expect(outputs()).toEqual(written);
    expect(statSync(schema).mtimeMs).toBe(mtime);
    expect(statSync(path.join(projectRoot, "dist", ".source-digest")).mtimeMs).toBe(digest);
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith("bench-")).length).toBe(tmpBefore);
  });
});
