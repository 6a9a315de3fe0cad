#!/usr/bin/env node
// Compiles the `observatory` command (src/cli/observatory.ts and everything it
// imports) into dist/ with esbuild, so it runs plain JavaScript: no TypeScript
// compiler at every start. dist/ is rebuilt when the sources' content changes, not their mtimes
// (a checkout, copy or touch changes mtimes, not content): the digest of every
// file under src/, of package-lock.json and of this script is kept in
// dist/.source-digest. Plain JS, so set-up can run it before anything else.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const distDir = path.join(root, "dist");
const STAMP = ".source-digest";
export const BUNDLE_CONTENTS = ".bundle-contents.json";

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

/**
 * Folders of files that are not compiled but read at run time beside the code
 * (the read-back layer's in-page scripts, the preview's client): linked into dist/
 * under their own name, not copied, so an edit to one shows at once, as it does
 * when running the sources.
 */
function linkedFolders() {
  const folders = new Map();
  for (const rel of sourceFiles().filter((f) => !f.endsWith(".ts"))) {
    const dir = path.dirname(rel);
    const name = path.basename(dir);
    if (folders.has(name) && folders.get(name) !== dir)
      throw new Error(`two folders of run-time files are named ${name}: ${folders.get(name)}, ${dir}`);
    folders.set(name, dir);
  }
  return folders;
}

/**
 * One bundle with a chunk per lazily imported command (esbuild, code
 * splitting), npm packages included: Node then reads a few large files
 * instead of about 1,500 small ones (puppeteer-core alone is 470), which saves
 * about a quarter of a second of CPU per build. Every chunk sits directly in
 * dist/, so src/paths.ts finds the project one folder up, as from src/.
 * Built into a fresh folder and swapped in, so a reader never sees half of dist/.
 */
export async function compile() {
  const digest = sourceDigest();
  const { build } = await import("esbuild");
  const staging = `${distDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await build({
    // The command, and the thread the conformance check runs in (src/pipeline/check-thread.ts).
    entryPoints: {
      observatory: path.join(root, "src", "cli", "observatory.ts"),
      "check-worker": path.join(root, "src", "pipeline", "check-worker.ts"),
    },
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    // CommonJS packages inside an ES module bundle still call require().
    // pdf.js never runs in Node: its two files are found with require.resolve
    // and sent as they are to Chromium (src/images/draw-pages.ts) and to the
    // preview's page (/vendor/); left external, the bundle never holds a copy.
    external: ["pdfjs-dist"],
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    // Stack traces point at src/ with --debug (which turns source maps on).
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    logLevel: "warning",
  });
  // Which sources and packages each file of dist/ holds: what the tests read to
  // tell what a command loaded, and that every command made it into the bundle.
  const contents = Object.fromEntries(
    Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith(".js"))
      .map(([file, output]) => [path.relative(staging, path.resolve(root, file)), Object.keys(output.inputs).sort()]),
  );
  writeFileSync(path.join(staging, BUNDLE_CONTENTS), `${JSON.stringify(contents, null, 1)}\n`);
  for (const [name, dir] of linkedFolders()) symlinkSync(path.join("..", dir), path.join(staging, name));
  writeFileSync(path.join(staging, STAMP), `${digest}\n`);
  // Two commands started together on stale sources both compile: the second
  // to finish keeps the first one's dist/ (the same bytes) rather than pulling
  // it from under a command that is reading it.
  if (builtDigest() === digest) {
    rmSync(staging, { recursive: true, force: true });
    return digest;
  }
  const old = `${distDir}.old-${process.pid}`;
  if (existsSync(distDir)) renameSync(distDir, old);
  renameSync(staging, distDir);
  rmSync(old, { recursive: true, force: true });
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
