// From the page to its source and back, for the preview. The printed text is
// the manifest's text after markup and typography (curly quotes, no-break
// spaces, soft hyphens), so both are compared as plain words. A line clicked on
// the page is found in the manifest scalar that holds its words: its file, line
// and column, its path in the data, the section's template partial (at the line
// that reads that field) and the stylesheet rules of the partial's classes. And
// a manifest line gives the words to find on the pages. Nothing of this is in
// the HTML that is printed: the PDF stays the one `build:edition` makes.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, isScalar, isSeq, type Node } from "yaml";
import { formatPath } from "../manifest/problem.js";
import { readYaml } from "../manifest/yaml-read.js";
import type { ProjectPaths } from "../paths.js";
import type { Target } from "./targets.js";

export interface SourceLink {
  /** Relative to the project's root. */
  file: string;
  line: number;
  column: number;
  /** Opens the file at the line in VS Code. */
  vscode: string;
}

export interface SourcePlace {
  manifest: SourceLink & { path: string; text: string };
  partial?: SourceLink & { section: string };
  css: (SourceLink & { selector: string })[];
}

interface ScalarAt {
  path: (string | number)[];
  text: string;
  words: string;
  offset: number;
}

/** Plain words: markup, links' addresses, punctuation and typography left out. */
export function plainWords(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\]\([^)]*\)/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\u00ad/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .toLowerCase();
}

function scalars(node: unknown, at: (string | number)[], out: ScalarAt[]): void {
  if (isMap(node)) for (const pair of node.items) scalars(pair.value, [...at, String((pair.key as { value?: unknown })?.value)], out);
  else if (isSeq(node)) for (const [i, item] of node.items.entries()) scalars(item, [...at, i], out);
  else if (isScalar(node) && typeof node.value === "string" && node.range)
    out.push({ path: at, text: node.value, words: plainWords(node.value), offset: node.range[0] });
}

const link = (root: string, file: string, line: number, column: number): SourceLink => ({
  file: path.relative(root, file),
  line,
  column,
  vscode: `vscode://file${encodeURI(file)}:${line}:${column}`,
});

async function readManifest(paths: ProjectPaths, target: Target) {
  const file = path.join(paths.editions, target.id, `${target.language}.yaml`);
  const read = readYaml(await readFile(file, "utf8"));
  if (!read.ok) return undefined;
  const found: ScalarAt[] = [];
  scalars(read.doc.contents as Node, [], found);
  return { file, read, found };
}

/** The stylesheet rules whose selectors name one of these classes, with their lines. */
async function cssRules(paths: ProjectPaths, classes: Set<string>): Promise<SourcePlace["css"]> {
  const file = path.join(paths.assets, "styles", "edition.css");
  const text = await readFile(file, "utf8").catch(() => "");
  const out: SourcePlace["css"] = [];
  // A rule's selector: what precedes "{" since the last "}" or ";" (comments dropped, same length).
  const bare = text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "));
  for (const m of bare.matchAll(/(^|[};])([^{};]+)\{/g)) {
    const selector = m[2].trim();
    if (!selector || selector.startsWith("@")) continue;
    const named = [...selector.matchAll(/\.([\w-]+)/g)].some(([, c]) => classes.has(c));
    if (!named) continue;
    const start = (m.index ?? 0) + m[1].length + m[2].indexOf(selector);
    const line = text.slice(0, start).split("\n").length;
    out.push({ ...link(paths.root, file, line, 1), selector: selector.replace(/\s+/g, " ") });
    if (out.length >= 12) break;
  }
  return out;
}

/** The partial of the section at `at`, at the line that reads the field (or its first line), and its classes. */
async function partialOf(paths: ProjectPaths, type: string, field: string | undefined) {
  if (!/^[a-z][\w-]*$/.test(type)) return undefined;
  const file = path.join(paths.templates, "sections", `${type}.hbs`);
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  const reads = field ? new RegExp(`(\\.|\\s|#each\\s+|#if\\s+)${field.replace(/[^\w]/g, "")}\\b`) : undefined;
  const index = reads
    ? Math.max(
        0,
        lines.findIndex((l) => reads.test(l)),
      )
    : 0;
  const classes = new Set(
    [...text.matchAll(/class="([^"]*)"/g)].flatMap(([, c]) =>
      c
        .replace(/\{\{[^}]*\}\}/g, " ")
        .split(/\s+/)
        .filter(Boolean),
    ),
  );
  return { link: link(paths.root, file, index + 1, Math.max(1, lines[index].search(/\S/) + 1)), classes };
}

/**
 * Where the text of a printed line comes from. The line's first and last words
 * may be pieces of hyphenated words: the words between them must appear, in
 * order, in one scalar of the manifest.
 */
export async function sourceOfText(paths: ProjectPaths, target: Target, printed: string): Promise<SourcePlace | undefined> {
  const manifest = await readManifest(paths, target);
  if (!manifest) return undefined;
  const words = plainWords(printed).split(" ").filter(Boolean);
  const inner = words.length > 3 ? words.slice(1, -1) : words;
  if (!inner.length) return undefined;
  const needle = ` ${inner.join(" ")} `;
  const hit = manifest.found.find((s) => ` ${s.words} `.includes(needle));
  if (!hit) return undefined;
  const pos = manifest.read.lineCounter.linePos(hit.offset);
  const place: SourcePlace = {
    manifest: { ...link(paths.root, manifest.file, pos.line, pos.col), path: formatPath(hit.path), text: hit.text.slice(0, 120) },
    css: [],
  };
  if (hit.path[0] === "sections" && typeof hit.path[1] === "number") {
    const section = (manifest.read.data.sections as { type?: string }[] | undefined)?.[hit.path[1]];
    const field = hit.path.slice(2).find((k): k is string => typeof k === "string");
    const partial = section?.type ? await partialOf(paths, section.type, field) : undefined;
    if (partial && section?.type) {
      place.partial = { ...partial.link, section: section.type };
      place.css = await cssRules(paths, partial.classes);
    }
  }
  return place;
}

/** The text of the manifest scalar that starts on (or spans) a line, to be found on the pages. */
export async function textAtLine(paths: ProjectPaths, target: Target, line: number): Promise<{ text: string; path: string } | undefined> {
  const manifest = await readManifest(paths, target);
  if (!manifest) return undefined;
  const lineOf = (offset: number) => manifest.read.lineCounter.linePos(offset).line;
  // The last scalar that starts at or before the line: a paragraph spans the lines below its start.
  const hit = [...manifest.found].reverse().find((s) => lineOf(s.offset) <= line && s.words.split(" ").length >= 3);
  return hit && { text: hit.text, path: formatPath(hit.path) };
}
