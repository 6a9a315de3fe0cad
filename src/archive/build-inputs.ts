// Everything besides the manifest that decides a PDF's bytes, as digests and
// versions. Recorded when an edition is archived and compared on --rebuild,
// to say which input changed when the bytes do not match.
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { ProjectPaths } from "../paths.js";
import { projectRoot } from "../paths.js";
import { fontsDigest, readJson } from "../pipeline/fonts-digest.js";
import { digestEntries, digestTree } from "../runtime/hashing.js";
import type { BuildInputs, Versions } from "./record.js";

/**
 * The machine's fonts as fontconfig lists them (path and size), so a rebuild
 * that differs can say whether they changed rather than guess. Undefined when
 * fontconfig is not there to ask.
 */
export function systemFontsDigest(): Promise<BuildInputs["systemFonts"]> {
  return new Promise((resolve) => {
    execFile("fc-list", ["--format", "%{file}\\n"], { timeout: 10_000, maxBuffer: 8 << 20 }, async (err, stdout) => {
      if (err) return resolve(undefined);
      const files = [...new Set(stdout.split("\n").filter(Boolean))].sort();
      const entries: Record<string, string> = {};
      for (const f of files)
        entries[f] = String(
          await stat(f).then(
            (s) => s.size,
            () => -1,
          ),
        );
      resolve({ sha256: digestEntries(entries), count: files.length });
    });
  });
}

export async function describeInputs(paths: ProjectPaths): Promise<BuildInputs> {
  const [templates, assets, fonts, code, systemFonts] = await Promise.all([
    digestTree(paths.templates),
    digestTree(paths.assets),
    fontsDigest(paths),
    // The code that runs is this checkout's, wherever the editions are.
    digestTree(path.join(projectRoot, "src")),
    systemFontsDigest(),
  ]);
  return { templates, assets, fonts, code, ...(systemFonts ? { systemFonts } : {}) };
}

export async function describeVersions(paths: ProjectPaths, chromium: string): Promise<Versions> {
  const version = async (dir: string) => String((await readJson(path.join(dir, "package.json")))?.version ?? "unknown");
  const title = async (dir: string) => {
    const pkg = (await readJson(path.join(dir, "package.json"))) as { name?: string; version?: string } | undefined;
    return pkg?.version ? `${pkg.name ?? path.basename(dir)} ${pkg.version}` : "unknown";
  };
  const modules = path.join(paths.root, "node_modules");
  return {
    project: await version(paths.root),
    node: process.version,
    chromium,
    // As the package names itself: `pdf-lib` is an npm alias of its maintained fork, so its
    // version alone ("2.11.1") would read as the original pdf-lib's, which never had one.
    "pdf-lib": await title(path.join(modules, "pdf-lib")),
    "puppeteer-core": await version(path.join(modules, "puppeteer-core")),
  };
}

export async function inputsAndVersions(paths: ProjectPaths, chromium: string): Promise<{ inputs: BuildInputs; versions: Versions }> {
  const [inputs, versions] = await Promise.all([describeInputs(paths), describeVersions(paths, chromium)]);
  return { inputs, versions };
}
