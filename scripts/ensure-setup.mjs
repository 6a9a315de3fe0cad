#!/usr/bin/env node
// Runs before `npm run build:edition` and `npm test` (npm's pre-scripts), so the
// README's two commands work on a fresh Debian machine: it installs the npm
// packages when they are missing or stale, and Debian's Chromium and poppler-utils
// when they are missing and we may (root with apt-get). Plain JS, no dependencies.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wantTools = process.argv.includes("--tools"); // tests also need pdftotext & co.
const wantBrowser = !process.argv.includes("--no-browser"); // checking a manifest needs none

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

// 1. npm packages: install when node_modules is missing or older than the lock file.
const lock = path.join(root, "package-lock.json");
const marker = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000)) {
  // `npm install` rather than `npm ci`: it installs the same locked versions,
  // but does not refuse to run when a registry lacks the optional packages of
  // other platforms (Biome's Windows and macOS binaries, for one).
  say("installing npm packages (npm install from package-lock.json)");
  run("npm", ["install", "--no-audit", "--no-fund"]);
}

// 2. Debian packages: Chromium always; poppler-utils and qpdf for the tests.
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
