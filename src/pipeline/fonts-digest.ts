// The fonts a print loads, digested: the woff2 files fonts.css points at and
// the versions of their packages. Both the typesetting memo (a new font must
// not reuse old line breaks) and the archive's record of inputs need it, so it
// lives here, below the archive.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ProjectPaths } from "../paths.js";
import { digestEntries, digestFile } from "../runtime/hashing.js";

const FONTS_CSS = path.join("styles", "fonts.css");

export interface FontsDigest {
  sha256: string;
  /** Package name -> version ("missing" when its package.json is absent). */
  packages: Record<string, string>;
  /** Path from node_modules/ (with /) -> sha256. */
  files: Record<string, string>;
}

export async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** The woff2 files fonts.css points at, keyed from node_modules/, and the versions of their packages. */
export async function fontsDigest(paths: ProjectPaths): Promise<FontsDigest> {
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
