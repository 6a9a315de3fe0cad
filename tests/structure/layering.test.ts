// Imports follow the pipeline. The order is written once, in the README's
// "Layout of the code" map: a file in src/ may import from its own folder and
// the folders above it in the map, never from one below. The map must show
// every folder of src/, so a new folder cannot dodge the rule.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const src = path.join(root, "src");

/** Stage of each top folder of src/ ("." for the files directly in src/), read from the README's map. */
function stagesFromMap(readme: string): Map<string, number> {
  const section = readme.split("\n## Layout of the code\n")[1];
  if (!section) throw new Error('README.md has no "## Layout of the code" section');
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  // An entry is a line naming src/<folder>/ (or src/<file>.ts) and the indented lines after it.
  const entries: { name: string; text: string }[] = [];
  for (const line of block.split("\n")) {
    // "src/sections/*/view/": that sub-folder of every folder of src/sections/ is a stage of its own.
    const named = /^src\/(?:([\w-]+(?:\/\*\/[\w-]+)?)\/|[\w-]+\.ts)\s/.exec(line);
    if (named) entries.push({ name: named[1] ?? ".", text: line });
    else if (/^\s/.test(line) && entries.length) entries[entries.length - 1].text += line;
  }
  const stages = new Map<string, number>();
  let stage = 0;
  for (const { name, text } of entries) {
    // "one stage with src/x/": the two folders may import each other.
    const peer = /one stage with src\/([\w-]+)\//.exec(text)?.[1];
    stages.set(name, peer !== undefined && stages.has(peer) ? (stages.get(peer) as number) : ++stage);
  }
  return stages;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|mts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

// The map's entry a file belongs to: "<a>/*/<b>" when the map has a line for src/<a>/<any>/<b>/, else its top folder.
function layerOf(file: string, stages: Map<string, number>): string {
  const parts = path.relative(src, file).split(path.sep);
  const sub = parts.length > 3 ? `${parts[0]}/*/${parts[2]}` : undefined;
  if (sub && stages.has(sub)) return sub;
  return parts.length > 1 ? parts[0] : ".";
}

/** Every relative import (static, dynamic, type-only, re-export) of a source text, resolved to a file path. */
function importsOf(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => path.resolve(path.dirname(file), spec).replace(/\.js$/, ".ts"));
}

/** Imports that climb the order, as "from -> to" lines; and imports of folders the map does not show. */
function climbingImports(files: { file: string; text: string }[], stages: Map<string, number>): string[] {
  const found: string[] = [];
  for (const { file, text } of files) {
    const from = layerOf(file, stages);
    for (const target of importsOf(file, text)) {
      if (!target.startsWith(src + path.sep)) continue;
      const to = layerOf(target, stages);
      if (from === to) continue;
      const a = stages.get(from);
      const b = stages.get(to);
      const rel = (p: string) => path.relative(src, p).split(path.sep).join("/");
      if (a === undefined || b === undefined) found.push(`${rel(file)} -> ${rel(target)} (a folder the README's map does not show)`);
      else if (b > a) found.push(`${rel(file)} -> ${rel(target)} (${to} comes after ${from} in the README's map)`);
    }
  }
  return found;
}

describe("imports follow the pipeline's order (README, Layout of the code)", () => {
  const stages = stagesFromMap(readFileSync(path.join(root, "README.md"), "utf8"));
  const files = sourceFiles(src).map((file) => ({ file, text: readFileSync(file, "utf8") }));

  it("the map shows every folder of src/, and only those", () => {
    const folders = readdirSync(src, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect([...stages.keys()].filter((k) => k !== "." && !k.includes("/")).sort()).toEqual(folders);
    expect(stages.get("sections")).toBe(stages.get("manifest"));
  });

  it("no import in src/ climbs the order", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(climbingImports(files, stages)).toEqual([]);
  });

  it("catches an import that climbs, a type-only one and a dynamic one", () => {
    const at = (rel: string) => path.join(src, rel);
    const planted = [
      { file: at("manifest/primitives.ts"), text: 'import { renderEditionHtml } from "../render/edition-html.js";' },
      { file: at("browser/run-dir.ts"), text: 'import type { JobResult } from "../pipeline/build-types.js";' },
      { file: at("readback/pdf-content.ts"), text: 'const m = await import("../preflight/rules.js");' },
      { file: at("cli/observatory.ts"), text: 'import { build } from "../pipeline/build-edition.js";' },
      { file: at("sections/chart/chart.ts"), text: 'import { Edition } from "../../manifest/edition-schema.js";' },
      // A section type's schema may not reach its own view (a layer above render/ and diff/), nor may diff/;
      // its view may use render/ and diff/, and render/ may consult the views.
      { file: at("sections/chart/chart.ts"), text: 'import { chartView } from "./view/chart-figure.js";' },
      { file: at("diff/edition-diff.ts"), text: 'import { whatsNewView } from "../sections/whats-new/view/whats-new-view.js";' },
      { file: at("sections/chart/view/chart-figure.ts"), text: 'import { formatDate } from "../../../render/format.js";' },
      { file: at("render/section-views.ts"), text: 'import { chartView } from "../sections/chart/view/chart-figure.js";' },
    ];
    expect(climbingImports(planted, stages)).toEqual([
      "manifest/primitives.ts -> render/edition-html.ts (render comes after manifest in the README's map)",
      "browser/run-dir.ts -> pipeline/build-types.ts (pipeline comes after browser in the README's map)",
      "readback/pdf-content.ts -> preflight/rules.ts (preflight comes after readback in the README's map)",
      "sections/chart/chart.ts -> sections/chart/view/chart-figure.ts (sections/*/view comes after sections in the README's map)",
      "diff/edition-diff.ts -> sections/whats-new/view/whats-new-view.ts (sections/*/view comes after diff in the README's map)",
    ]);
  });
});
