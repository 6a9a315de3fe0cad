// Reads one manifest: YAML with positions, then the zod schema, then the
// checks that need the file's own name. Every problem is collected, none thrown early.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { Edition } from "./edition-schema.js";
import { describeIssue } from "./issue-message.js";
import { formatPath, ManifestError, type Problem } from "./problem.js";

export interface LoadedEdition {
  file: string;
  edition: Edition;
  /** The exact bytes read, for archiving and hashing. */
  source: string;
}

/** Parse and validate manifest text; `file` is used for messages and name checks. */
export function parseManifest(source: string, file: string): { edition?: Edition; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problems: Problem[] = [];
  if (source.trim() === "") {
    return { problems: [{ file, line: 1, column: 1, path: "", message: "expected an edition manifest, found an empty file" }] };
  }
  const tab = /^( *)\t/m.exec(source);
  if (tab) {
    const offset = tab.index + tab[1].length;
    problems.push({ file, ...at0(source, offset), path: "", message: "expected spaces for indentation, found a tab" });
    return { problems };
  }
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  for (const err of doc.errors) {
    problems.push({ file, ...at(err.pos[0]), path: "", message: yamlMessage(err.code, err.message) });
  }
  if (problems.length) return { problems };
  const data = doc.toJS({ maxAliasCount: 50 });
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      problems: [
        { file, line: 1, column: 1, path: "", message: `expected a mapping with "edition:" and "sections:", found ${describeValue(data)}` },
      ],
    };
  }
  const result = Edition.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { path: issuePath, message } = describeIssue(issue, data);
      problems.push({ file, ...at(nodeOffset(doc, issuePath)), path: formatPath(issuePath), message });
    }
  } else {
    problems.push(...checkFileName(result.data, file, doc, at));
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems.length ? { problems } : { edition: result.data, problems };
}

export async function loadManifest(file: string): Promise<LoadedEdition> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message;
    throw new ManifestError([{ file, line: 1, column: 1, path: "", message: `cannot read the manifest: ${reason}` }]);
  }
  const { edition, problems } = parseManifest(source, file);
  if (!edition) throw new ManifestError(problems);
  return { file, edition, source };
}

/** editions/2026-04/en.yaml must say id "2026-04" and language "en". */
function checkFileName(edition: Edition, file: string, doc: Document, at: (o: number) => { line: number; column: number }): Problem[] {
  const problems: Problem[] = [];
  const folder = path.basename(path.dirname(file));
  const lang = path.basename(file).replace(/\.ya?ml$/, "");
  if (/^\d{4}-\d{2}$/.test(folder) && folder !== edition.edition.id)
    problems.push({
      file,
      ...at(nodeOffset(doc, ["edition", "id"])),
      path: "edition.id",
      message: `expected "${folder}" to match the folder name, got "${edition.edition.id}"`,
    });
  if (/^[a-z]{2}$/.test(lang) && lang !== edition.edition.language)
    problems.push({
      file,
      ...at(nodeOffset(doc, ["edition", "language"])),
      path: "edition.language",
      message: `expected "${lang}" to match the file name, got "${edition.edition.language}"`,
    });
  return problems;
}

/** Offset of the deepest node that exists along a path (the key itself for unknown keys). */
function nodeOffset(doc: Document, issuePath: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const key of issuePath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      const keyRange = (pair.key as Node).range;
      node = pair.value;
      offset = (node as Node | null)?.range?.[0] ?? keyRange?.[0] ?? offset;
      if (!pair.value && keyRange) offset = keyRange[0];
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

function at0(source: string, offset: number) {
  const before = source.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "string") return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `a ${typeof v}`;
}

function yamlMessage(code: string, message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  if (code === "DUPLICATE_KEY") return `expected each key once in a mapping, ${first.toLowerCase()}`;
  return `YAML syntax error: ${first}`;
}
