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
import { fileURLToPath } from "node:url";
import { type ProjectPaths, projectRoot } from "../paths.js";
import type { PageInspection } from "../preflight/inspect-page.js";
import type { EditionHtml } from "../render/edition-html.js";
import { digestEntries, digestFile, digestTree } from "../runtime/hashing.js";
import { fontsDigest } from "./fonts-digest.js";

export interface TypesetMemo {
  key: string;
  keepWhole: string[];
  css: string[];
  /** The HTML kept beside the PDF (its sha256) and its headings: a rebuild of the same key prints it as it is. */
  html?: { sha256: string; headings: EditionHtml["headings"] };
  /** The kept print (finish-memo.ts printKey) and what the page showed: a rebuild that prints it again measures nothing. */
  print?: KeptPrint;
}

/** What a print that asked for no fix showed, for a rebuild that prints the same. */
export interface KeptPrint {
  key: string;
  bleed: number;
  inspection?: PageInspection;
}

export interface TypesetSeed {
  keepWhole: string[];
  css: string[];
}

export type TypesetInputs = Record<"editions" | "templates" | "assets" | "fonts" | "code" | "lock", string>;

/**
 * The code that runs: the compiled command carries the digest set-up compiled it
 * from (dist/.source-digest, of src/, the lock and the compile script), so src/
 * is not hashed again on every build; run from src/ (tests, tsx), src/ is hashed.
 */
async function codeDigest(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  const dist = path.join(projectRoot, "dist");
  if (here.startsWith(dist + path.sep)) {
    const stamp = await readFile(path.join(dist, ".source-digest"), "utf8").catch(() => "");
    if (/^[0-9a-f]{64}$/.test(stamp.trim())) return `dist:${stamp.trim()}`;
  }
  return (await digestTree(path.join(projectRoot, "src"))).sha256;
}

/** The inputs every job of a run shares, digested once per run (build() passes them to each job). */
export async function typesetInputs(paths: ProjectPaths): Promise<TypesetInputs> {
  const [editions, templates, assets, fonts, code, lock] = await Promise.all([
    digestTree(paths.editions),
    digestTree(paths.templates),
    digestTree(paths.assets),
    fontsDigest(paths),
    codeDigest(),
    // The versions of the packages that hyphenate and typeset.
    digestFile(path.join(projectRoot, "package-lock.json")).catch(() => ({ sha256: "none" })),
  ]);
  return { editions: editions.sha256, templates: templates.sha256, assets: assets.sha256, fonts: fonts.sha256, code, lock: lock.sha256 };
}

/** Everything that decides where lines and pages break, as one digest. */
export function typesetKey(inputs: TypesetInputs, paths: ProjectPaths, manifest: string, profile: string, chromium: string): string {
  return digestEntries({ manifest: path.relative(paths.editions, manifest), ...inputs, profile, chromium });
}

/** The decisions to start from, read from the report of the last build of this job. */
export async function typesetSeed(reportFile: string, key: string, draft: boolean): Promise<TypesetSeed | undefined> {
  let memo: TypesetMemo | undefined;
  try {
    memo = (JSON.parse(await readFile(reportFile, "utf8")) as { typeset?: TypesetMemo }).typeset;
  } catch {
    return undefined;
  }
  return seedFrom(memo, key, draft);
}

export function seedFrom(memo: TypesetMemo | undefined, key: string, draft: boolean): TypesetSeed | undefined {
  if (!memo || !Array.isArray(memo.keepWhole) || !Array.isArray(memo.css)) return undefined;
  if (memo.key === key) return { keepWhole: memo.keepWhole, css: memo.css };
  return draft ? { keepWhole: memo.keepWhole, css: [] } : undefined;
}
