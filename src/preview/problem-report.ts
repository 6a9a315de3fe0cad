// Turns a failed render into what the overlay shows: for each problem the file
// (relative to the project), line, column, path, message and the lines around
// it. Manifest text reaches the client only in these strings, which it inserts
// as text, never as markup.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import { EditionNotFoundError } from "../manifest/discover.js";
import { frameSource } from "../manifest/line-breaks.js";
import { ManifestError, type Problem } from "../manifest/problem.js";
import { TemplateError } from "../render/template-env.js";

export type FailureKind = "manifest" | "template" | "render";

export interface PreviewProblem {
  /** Relative to the project root, with forward slashes. */
  file?: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
  /** The lines around the problem, with a caret under its column. */
  frame?: string;
}

export interface PreviewFailure {
  kind: FailureKind;
  problems: PreviewProblem[];
}

async function frameOf(file: string, line: number, column: number): Promise<string | undefined> {
  const source = await readFile(file, "utf8").catch(() => "");
  // Nothing worth framing in an empty or binary file.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL or U+FFFD: the file is binary, not YAML to show
  if (source.trim() === "" || /[\u0000\uFFFD]/.test(source)) return undefined;
  // @babel/code-frame 8 counts columns from 0; ours count from 1, as editors do.
  return codeFrameColumns(
    frameSource(source),
    { start: { line, column: Math.max(column - 1, 0) } },
    { linesAbove: 2, linesBelow: 2, highlightCode: false },
  );
}

function shown(root: string, file: string): string {
  const relative = path.relative(root, file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? path.basename(file) : relative).split(path.sep).join("/");
}

async function located(root: string, p: Problem): Promise<PreviewProblem> {
  return {
    file: shown(root, p.file),
    line: p.line,
    column: p.column,
    path: p.path,
    message: p.message,
    frame: await frameOf(p.file, p.line, p.column),
  };
}

export async function describeFailure(err: unknown, root: string): Promise<PreviewFailure> {
  if (err instanceof ManifestError) return { kind: "manifest", problems: await Promise.all(err.problems.map((p) => located(root, p))) };
  if (err instanceof TemplateError)
    return {
      kind: "template",
      problems: [await located(root, { file: err.file, line: err.line, column: err.column, path: "", message: err.message })],
    };
  if (err instanceof EditionNotFoundError) return { kind: "manifest", problems: [{ path: "", message: err.message }] };
  // A render failure (Chromium crashed, a file vanished mid-build): the message,
  // with its causes, is all there is; the server log has the stack.
  const messages: string[] = [];
  for (let e: unknown = err; e && messages.length < 5; e = (e as { cause?: unknown }).cause)
    messages.push(e instanceof Error ? e.message : String(e));
  return { kind: "render", problems: [{ path: "", message: messages.join(" ← ") }] };
}

/** One line per problem for the server's terminal: `file:line:column  path: message`. */
export function failureLines(failure: PreviewFailure): string[] {
  return failure.problems.map((p) => {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""}  ` : "";
    return `${where}${p.path ? `${p.path}: ` : ""}${p.message}`;
  });
}
