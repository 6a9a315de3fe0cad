// Finding the browser is its own small step: environment first, then the
// usual system paths, then Puppeteer's cache, else an error that says what to do.
import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export class BrowserNotFoundError extends Error {
  constructor(
    readonly tried: string[],
    advice = "Install one (as root on Debian: apt-get install -y chromium), or set CHROME_PATH to its binary.",
  ) {
    super(["No Chromium or Chrome was found. Tried:", ...tried.map((t) => `  - ${t}`), advice].join("\n"));
    this.name = "BrowserNotFoundError";
  }
}

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

function puppeteerCacheCandidates(env: NodeJS.ProcessEnv): string[] {
  const base = env.PUPPETEER_CACHE_DIR ?? path.join(env.HOME ?? os.homedir(), ".cache", "puppeteer");
  const found: string[] = [];
  for (const product of ["chrome", "chrome-headless-shell"]) {
    const dir = path.join(base, product);
    if (!existsSync(dir)) continue;
    for (const build of readdirSync(dir).sort().reverse()) {
      found.push(path.join(dir, build, "chrome-linux64", product === "chrome" ? "chrome" : "chrome-headless-shell"));
    }
  }
  return found;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = SYSTEM_PATHS): string {
  const tried: string[] = [];
  for (const name of ["CHROME_PATH", "PUPPETEER_EXECUTABLE_PATH"] as const) {
    const value = env[name];
    if (!value) continue;
    if (existsSync(value)) return value;
    // A browser named on purpose and missing is a mistake to fix, not a hint
    // to ignore: another browser would print a different PDF.
    throw new BrowserNotFoundError(
      [`${name}=${value} (no such file)`],
      `${name} names no file: fix it, or unset it to use the system Chromium.`,
    );
  }
  for (const candidate of [...systemPaths, ...puppeteerCacheCandidates(env)]) {
    if (existsSync(candidate)) return candidate;
    tried.push(candidate);
  }
  throw new BrowserNotFoundError(tried);
}
