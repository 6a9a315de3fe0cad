#!/usr/bin/env node
// Compiles src/**/*.ts to dist/**/*.js (esbuild, file by file, same tree) so the
// `observatory` command runs plain JavaScript: no TypeScript compiler at every
// start. dist/ is rebuilt when the sources' content changes, not their mtimes
// (a checkout, copy or touch changes mtimes, not content): the digest of every
// file under src/, of package-lock.json and of this script is kept in
// dist/.source-digest. Plain JS, so set-up can run it before anything else.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = path.join(root, "dist");
const STAMP = ".source-digest";

function sourceFiles() {
  return readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(root, path.join(e.parentPath ?? e.path, e.name))
        .split(path.sep)
        .join("/"),
    )
    .sort();
}

/** sha256 over the names and bytes of everything that decides what dist/ holds. */
export function sourceDigest() {
  const hash = createHash("sha256");
  for (const rel of [...sourceFiles(), "package-lock.json", "scripts/compile.mjs"]) {
    hash.update(`${rel}\0`);
    hash.update(existsSync(path.join(root, rel)) ? readFileSync(path.join(root, rel)) : "missing");
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** The digest dist/ was built from, or undefined when it was never built. */
export function builtDigest() {
  try {
    return readFileSync(path.join(distDir, STAMP), "utf8").trim();
  } catch {
    return undefined;
  }
}

/** Builds into a fresh folder and swaps it in, so a reader never sees half of dist/. */
export async function compile() {
  const digest = sourceDigest();
  const { build } = await import("esbuild");
  const staging = `${distDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const entryPoints = sourceFiles()
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => path.join(root, f));
  await build({
    entryPoints,
    outdir: staging,
    outbase: path.join(root, "src"),
    format: "esm",
    platform: "node",
    target: "node20",
    bundle: false,
    sourcemap: "linked",
    sourcesContent: false,
    logLevel: "warning",
  });
  // Files that are not compiled (the preflight's in-page scripts, the preview's
  // client) are linked, not copied: the code finds them beside itself, and an
  // edit to one shows at once, as it does when running the sources.
  for (const rel of sourceFiles().filter((f) => !f.endsWith(".ts"))) {
    const link = path.join(staging, path.relative("src", rel));
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.relative(path.dirname(link), path.join(staging, "..", rel)), link);
  }
  writeFileSync(path.join(staging, STAMP), `${digest}\n`);
  rmSync(distDir, { recursive: true, force: true });
  renameSync(staging, distDir);
  return digest;
}

/** Compiles when dist/ is missing or was built from other sources; says so on stderr. */
export async function compileIfStale({ quiet = false } = {}) {
  if (builtDigest() === sourceDigest()) return false;
  if (!quiet) process.stderr.write("setup: compiling src/ into dist/\n");
  await compile();
  return true;
}

const HELP = `Usage: node scripts/compile.mjs [--if-stale]

Compiles src/**/*.ts into dist/ (what the observatory command runs).
  --if-stale   only when dist/ is missing or the sources' content changed
  -h, --help   show this help
`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) process.stdout.write(HELP);
  else if (args.includes("--if-stale")) await compileIfStale();
  else await compile();
}
