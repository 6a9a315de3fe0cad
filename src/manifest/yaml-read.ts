// The YAML half of reading a manifest: text in, positioned document and plain
// data out, or the problems that stop us before the schema can say anything.
import { type Document, isAlias, LineCounter, parseDocument, visit } from "yaml";
import { sourceLimits, valueLimits } from "./limits.js";
import { withYamlLineBreaks } from "./line-breaks.js";
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

/**
 * NUL bytes: not a text file. (Bytes that are not UTF-8 are caught when the
 * file is decoded, by decodeManifest(): a U+FFFD typed in the text is fine.)
 */
export function looksBinary(source: string): boolean {
  return source.includes("\u0000");
}

export function readYaml(text: string): YamlRead {
  const source = withYamlLineBreaks(text);
  const fail = (message: string, line = 1, column = 1): YamlRead => ({ ok: false, problems: [{ line, column, path: "", message }] });
  if (source.trim() === "") return fail(`${TOP}, got an empty file`);
  // A PDF or a zip opened by mistake: one clear line rather than a cascade of syntax errors.
  if (looksBinary(source)) return fail("expected a YAML text file, got binary data (is this the right file?)");

  const limit = sourceLimits(source);
  if (limit) {
    const before = source.slice(0, limit.offset);
    return fail(limit.message, before.split("\n").length, limit.offset - before.lastIndexOf("\n"));
  }

  // resolveKnownTags off: !!binary, !!set and the like are reported below, not turned into odd values.
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, strict: true, resolveKnownTags: false });
  // Lines counted from the text itself: the reader's own LineCounter misses
  // the line breaks inside tokens it gave up on (an unclosed quote), and every
  // position after one was then lines too high, outside the file.
  const lineCounter = countLines(source);
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

  // A tag the reader does not know (!include, !!js/function) would be dropped
  // in silence and its text kept as a plain value: refuse it.
  const tags = doc.warnings
    .filter((w) => w.code === "TAG_RESOLVE_FAILED")
    .map((w) => ({
      ...lineColumn(lineCounter, w.pos[0]),
      path: "",
      message: `expected a plain value, got the YAML tag ${/tag: (.*)$/.exec(w.message)?.[1]?.replace("tag:yaml.org,2002:", "!!") ?? "here"} (tags are not read: remove it)`,
    }));
  const limits = valueLimits(doc, source).map((p) => ({ ...lineColumn(lineCounter, p.offset), path: "", message: p.message }));
  if (tags.length || limits.length) return { ok: false, problems: [...tags, ...limits] };

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

function countLines(source: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) counter.addNewLine(i + 1);
  return counter;
}
