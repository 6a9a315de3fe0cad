// The YAML half of reading a manifest: text in, positioned document and plain
// data out, or the problems that stop us before the schema can say anything.
import { type Document, isAlias, LineCounter, parseDocument, visit } from "yaml";
import { showValue } from "./show-value.js";
import { lineColumn } from "./yaml-position.js";
import { syntaxProblem } from "./yaml-syntax.js";

/** A problem located in the file, before the file name is attached. */
export interface Located {
  line: number;
  column: number;
  path: string;
  message: string;
}

export type YamlRead =
  | { ok: true; doc: Document; data: Record<string, unknown>; lineCounter: LineCounter }
  | { ok: false; problems: Located[] };

const TOP = 'expected a mapping with "edition:" and "sections:"';

/** NUL bytes, or bytes that were not UTF-8 (decoded as U+FFFD): not a text file. */
export function looksBinary(source: string): boolean {
  return source.includes("\u0000") || source.includes("\uFFFD");
}

export function readYaml(source: string): YamlRead {
  const fail = (message: string, line = 1, column = 1): YamlRead => ({ ok: false, problems: [{ line, column, path: "", message }] });
  if (source.trim() === "") return fail(`${TOP}, got an empty file`);
  // A PDF or a zip opened by mistake: one clear line rather than a cascade of syntax errors.
  if (looksBinary(source)) return fail("expected a YAML text file, got binary data (is this the right file?)");

  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length) {
    // One problem per line: the reader often reports a single mistake three times over.
    const problems: Located[] = [];
    const seenLines = new Set<number>();
    // After a tab the reader misreads every line below it; the tabs are the whole story.
    const tabs = doc.errors.filter((e) => e.code === "TAB_AS_INDENT");
    for (const error of tabs.length ? tabs : doc.errors) {
      const { line } = lineColumn(lineCounter, error.pos[0]);
      if (seenLines.has(line)) continue;
      seenLines.add(line);
      const sameLine = doc.errors.filter((e) => e !== error && lineColumn(lineCounter, e.pos[0]).line === line);
      const { offset, message } = syntaxProblem(error, source, sameLine);
      problems.push({ ...lineColumn(lineCounter, offset), path: "", message });
    }
    return { ok: false, problems };
  }

  const aliases: Located[] = [];
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && !node.resolve(doc))
        aliases.push({
          ...lineColumn(lineCounter, node.range?.[0] ?? 0),
          path: "",
          message: `expected an anchor "&${node.source}" earlier in the file, got the alias "*${node.source}" alone`,
        });
    },
  });
  if (aliases.length) return { ok: false, problems: aliases };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    return fail(`expected YAML the checker can read, got: ${(err as Error).message}`);
  }
  if (doc.contents === null) return fail(`${TOP}, got a file with only comments`);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const { line, column } = lineColumn(lineCounter, doc.contents.range?.[0] ?? 0);
    const got = Array.isArray(data) ? "a list" : typeof data === "string" ? `the text ${showValue(data)}` : showValue(data);
    return fail(`${TOP}, got ${got}`, line, column);
  }
  return { ok: true, doc, data: data as Record<string, unknown>, lineCounter };
}
