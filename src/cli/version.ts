// `observatory --version`: this project's version and the versions that decide
// a PDF's bytes besides it. Chromium is asked with `--version` (a few tens of
// milliseconds), never launched; no browser driver or PDF library is imported.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { BrowserNotFoundError, findChromium } from "../browser/find-chromium.js";
import { packageTitle, packageVersion, toolName, toolVersion } from "../pipeline/version.js";

async function chromiumVersion(): Promise<string> {
  let binary: string;
  try {
    binary = findChromium();
  } catch (err) {
    if (err instanceof BrowserNotFoundError) return "not found (install chromium or set CHROME_PATH)";
    throw err;
  }
  try {
    const { stdout } = await promisify(execFile)(binary, ["--version"], { timeout: 10_000 });
    // "Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)" -> the number.
    const version = /\d+(\.\d+){1,3}/.exec(stdout)?.[0];
    return `${version ?? stdout.trim()} (${binary})`;
  } catch (err) {
    return `unknown: ${binary} --version failed (${(err as Error).message.split("\n")[0]})`;
  }
}

export async function versionText(): Promise<string> {
  return [
    `observatory ${toolVersion} (${toolName})`,
    `Chromium ${await chromiumVersion()}`,
    packageTitle("pdf-lib"),
    `puppeteer-core ${packageVersion("puppeteer-core")}`,
    `Node.js ${process.versions.node}`,
  ].join("\n");
}
