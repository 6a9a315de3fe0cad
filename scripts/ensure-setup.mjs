#!/usr/bin/env node
// Runs before every npm script that runs the observatory command, and before
// `npm test` (npm's pre-scripts), so the README's two commands work on a fresh
// Debian machine: it installs the npm packages when they are missing or differ
// from the lock file, compiles src/ into dist/ when its content changed, and
// installs Debian's Chromium and poppler-utils when they are missing and we
// may (root with apt-get). Staleness is decided by content, never by mtimes (a
// checkout, copy or touch changes those). Plain JS, no dependencies until the
// packages are installed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { enableCompileCache, handOver, onPinnedNode, pinnedNode } from "./pinned-node.mjs";

const HELP = `Usage: node scripts/ensure-setup.mjs [--no-browser] [--tools] [--run COMMAND [ARGS ...]]

Installs what the project needs when it is missing or stale: the npm packages
of package-lock.json, the compiled command in dist/, and (as root, with apt-get)
Chromium, plus poppler-utils, qpdf, mupdf-tools and ghostscript with --tools.
Writes nothing when all is there.
  --no-browser   Chromium is not needed (checking manifests)
  --tools        also poppler-utils, qpdf, mupdf-tools and ghostscript (the
                 tests read every PDF with several independent readers)
  --run ...      then run \`observatory COMMAND ARGS\` in this same process (what
                 the npm scripts do: one Node start instead of two)
  -h, --help     show this help
`;
// Everything after --run belongs to the observatory command.
const runAt = process.argv.indexOf("--run");
const own = runAt === -1 ? process.argv.slice(2) : process.argv.slice(2, runAt);
const command = runAt === -1 ? undefined : process.argv.slice(runAt + 1);
if (own.includes("--help") || own.includes("-h")) {
  process.stdout.write(HELP);
  process.exit(0);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wantTools = own.includes("--tools"); // tests also need pdftotext & co.
const wantBrowser = !own.includes("--no-browser"); // checking a manifest needs none

function say(msg) {
  process.stderr.write(`setup: ${msg}\n`);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" },
  });
  if (r.status !== 0) {
    say(`"${cmd} ${args.join(" ")}" failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function which(name) {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(path.join(root, file), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Why node_modules does not hold what package-lock.json says, or undefined when
 * it does. npm keeps node_modules/.package-lock.json, the list of what it
 * installed: every package of the lock must be there at its version, except
 * the optional ones (other platforms' binaries), and the lock must still
 * answer package.json.
 */
function installNeeded() {
  const lock = readJson("package-lock.json");
  const installed = readJson("node_modules/.package-lock.json");
  if (!installed?.packages) return "node_modules is missing";
  if (!lock?.packages) return "package-lock.json is missing";
  const pkg = readJson("package.json") ?? {};
  for (const field of ["dependencies", "devDependencies"])
    if (JSON.stringify(pkg[field] ?? {}) !== JSON.stringify(lock.packages[""]?.[field] ?? {})) return `package.json's ${field} changed`;
  for (const [name, entry] of Object.entries(lock.packages)) {
    if (!name) continue;
    const have = installed.packages[name];
    if (!have && !entry.optional) return `${name} is not installed`;
    if (have && have.version !== entry.version) return `${name} is ${have.version}, the lock says ${entry.version}`;
  }
  // The pinned Node.js is placed by its package's install script: a binary
  // that is not there was never placed (an install run with --ignore-scripts).
  if (lock.packages["node_modules/node"] && !pinnedNode()) return "the pinned Node.js binary is missing";
  return undefined;
}

// 1. npm packages, when node_modules does not match the lock file.
const why = installNeeded();
if (why) {
  // `npm install` rather than `npm ci`: it installs the same locked versions,
  // but does not refuse to run when a registry lacks the optional packages of
  // other platforms (Biome's Windows and macOS binaries, for one). The lock
  // is committed as npm writes it here, so this leaves it unchanged.
  say(`installing npm packages (${why}; npm install from package-lock.json)`);
  // Run by the machine's Node (a fresh clone), npm warns that package.json's
  // engines asks for Node.js 24: the Node.js being installed is that one.
  const bootstrap = !pinnedNode();
  if (bootstrap)
    say(`Node.js ${process.versions.node} runs set-up; the project runs on the Node.js 24 of package-lock.json, installed now`);
  run("npm", ["install", "--no-audit", "--no-fund", ...(bootstrap ? ["--loglevel=error"] : [])]);
  if (!pinnedNode()) run("npm", ["rebuild", "node"]);
}

// 2. The compiled command, when dist/ is missing or the sources changed.
const { compileIfStale } = await import("./compile.mjs");
await compileIfStale();

// 3. Debian packages: Chromium always; for the tests, the other PDF readers
// (poppler, qpdf, MuPDF, Ghostscript) that the read-back tests compare.
const browserKnown = [
  process.env.CHROME_PATH,
  process.env.PUPPETEER_EXECUTABLE_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
].some((p) => p && existsSync(p));
const missing = [];
if (wantBrowser && !browserKnown) missing.push("chromium");
if (wantTools && !which("pdftotext")) missing.push("poppler-utils");
if (wantTools && !which("qpdf")) missing.push("qpdf");
if (wantTools && !which("mutool")) missing.push("mupdf-tools");
if (wantTools && !which("gs")) missing.push("ghostscript");
if (missing.length) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !which("apt-get")) {
    say(`missing ${missing.join(", ")}; install with: sudo apt-get install -y ${missing.join(" ")}`);
    say("or point CHROME_PATH at a Chromium or Chrome binary");
    process.exit(1);
  }
  say(`installing Debian packages: ${missing.join(", ")}`);
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing]);
}

// 4. The command itself, as bin/observatory.js would run it, on the pinned
// Node.js. `npm run` found it on the PATH, except on the run that installed it
// (a fresh clone): that one hands over to it.
if (command && !onPinnedNode()) {
  handOver(path.join(root, "bin", "observatory.js"), command);
} else if (command) {
  process.argv = [process.argv[0], path.join(root, "bin", "observatory.js"), ...command];
  enableCompileCache();
  await import(pathToFileURL(path.join(root, "dist", "observatory.js")).href);
}
