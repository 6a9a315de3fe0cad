// Everything besides the manifest that decides a PDF's bytes, as digests and
// versions. Recorded when an edition is archived and compared on --rebuild,
// to say which input changed when the bytes do not match.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ProjectPaths } from "../paths.js";
import { projectRoot } from "../paths.js";
import { digestEntries, digestFile, digestTree } from "../runtime/hashing.js";
import type { BuildInputs, Versions } from "./record.js";

const FONTS_CSS = path.join("styles", "fonts.css");

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** The woff2 files fonts.css points at, keyed from node_modules/, and the versions of their packages. */
export async function fontsDigest(paths: ProjectPaths): Promise<BuildInputs["fonts"]> {
  const css = path.join(paths.assets, FONTS_CSS);
  const text = await readFile(css, "utf8").catch(() => "");
  const files: Record<string, string> = {};
  const packages: Record<string, string> = {};
  const modules = path.join(paths.root, "node_modules");
  for (const m of text.matchAll(/url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/g)) {
    const file = path.resolve(path.dirname(css), m[1]);
    const rel = path.relative(modules, file).split(path.sep).join("/");
    // A missing font is recorded as such: Chromium would fall back to another one.
    files[rel] = await digestFile(file).then(
      (d) => d.sha256,
      () => "0".repeat(64),
    );
    const pkg = /^(@[^/]+\/[^/]+|[^/]+)\//.exec(rel)?.[1];
    if (pkg && !packages[pkg]) packages[pkg] = String((await readJson(path.join(modules, pkg, "package.json")))?.version ?? "missing");
  }
  return {
    sha256: digestEntries({ ...files, ...Object.fromEntries(Object.entries(packages).map(([k, v]) => [`package:${k}`, v])) }),
    packages,
    files,
  };
}

export async function describeInputs(paths: ProjectPaths): Promise<BuildInputs> {
  const [templates, assets, fonts, code] = await Promise.all([
    digestTree(paths.templates),
    digestTree(paths.assets),
    fontsDigest(paths),
    // The code that runs is this checkout's, wherever the editions are.
    digestTree(path.join(projectRoot, "src")),
  ]);
  return { templates, assets, fonts, code };
}

export async function describeVersions(paths: ProjectPaths, chromium: string): Promise<Versions> {
  const version = async (dir: string) => String((await readJson(path.join(dir, "package.json")))?.version ?? "unknown");
  const modules = path.join(paths.root, "node_modules");
  return {
    project: await version(paths.root),
    node: process.version,
    chromium,
    "pdf-lib": await version(path.join(modules, "pdf-lib")),
    "puppeteer-core": await version(path.join(modules, "puppeteer-core")),
  };
}

export async function inputsAndVersions(paths: ProjectPaths, chromium: string): Promise<{ inputs: BuildInputs; versions: Versions }> {
  const [inputs, versions] = await Promise.all([describeInputs(paths), describeVersions(paths, chromium)]);
  return { inputs, versions };
}
