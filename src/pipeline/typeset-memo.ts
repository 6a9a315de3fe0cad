// The typesetting decisions of the last build (words printed whole, balancing
// rules: src/typeset/), kept in its report and reused to start the next one.
// Finding them takes a measure and a reprint per pass (about 1 s for an
// edition); a rebuild of the same inputs need only confirm them.
//
// A build reuses them only when every input is the same (manifests, templates,
// assets, fonts, code and packages, Chromium, profile): the passes are deterministic, so
// starting from their result gives the same PDF as starting from nothing, and
// a build over an earlier one stays byte-identical to a build into an empty
// folder. A draft (the preview) also starts from the words of its last render
// when inputs changed, since a save rarely moves them; never from its
// balancing rules, which could keep a page break the new text no longer needs.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describeInputs } from "../archive/build-inputs.js";
import { digestEntries, digestFile, digestTree } from "../archive/hashing.js";
import { type ProjectPaths, projectRoot } from "../paths.js";

export interface TypesetMemo {
  key: string;
  keepWhole: string[];
  css: string[];
}

export interface TypesetSeed {
  keepWhole: string[];
  css: string[];
}

/** Everything that decides where lines and pages break, as one digest. */
export async function typesetKey(paths: ProjectPaths, manifest: string, profile: string, chromium: string): Promise<string> {
  const [inputs, editions] = await Promise.all([describeInputs(paths), digestTree(paths.editions)]);
  return digestEntries({
    manifest: path.relative(paths.editions, manifest),
    editions: editions.sha256,
    templates: inputs.templates.sha256,
    assets: inputs.assets.sha256,
    fonts: inputs.fonts.sha256,
    code: inputs.code.sha256,
    // The versions of the packages that hyphenate and typeset.
    lock: (await digestFile(path.join(projectRoot, "package-lock.json")).catch(() => ({ sha256: "none" }))).sha256,
    profile,
    chromium,
  });
}

/** The decisions to start from, read from the report of the last build of this job. */
export async function typesetSeed(reportFile: string, key: string, draft: boolean): Promise<TypesetSeed | undefined> {
  let memo: TypesetMemo | undefined;
  try {
    memo = (JSON.parse(await readFile(reportFile, "utf8")) as { typeset?: TypesetMemo }).typeset;
  } catch {
    return undefined;
  }
  if (!memo || !Array.isArray(memo.keepWhole) || !Array.isArray(memo.css)) return undefined;
  if (memo.key === key) return { keepWhole: memo.keepWhole, css: memo.css };
  return draft ? { keepWhole: memo.keepWhole, css: [] } : undefined;
}
