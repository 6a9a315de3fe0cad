// How checked manifests read on a terminal: one line per valid file, each
// problem as `file:line:column  path: message` with the YAML lines around it,
// and a summary. Pure functions returning text, so tests need no terminal.
import path from "node:path";
import { codeFrameColumns } from "@babel/code-frame";
import type { FileCheck } from "../checks/check-editions.js";
import { frameSource } from "../manifest/line-breaks.js";
import type { Problem } from "../manifest/problem.js";
import { count } from "../manifest/show-value.js";
import { looksBinary } from "../manifest/yaml-read.js";
import { clipLines } from "./clip-lines.js";
import { colourWanted, type Format, paintIf } from "./colour.js";

export interface ReportStyle {
  color: boolean;
  /** Paths are printed relative to this folder. */
  cwd: string;
}

/** Colours by the one rule of colour.ts, for the stream the text goes to. */
export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): ReportStyle {
  return { color: colourWanted(stream, env), cwd: process.cwd() };
}

const paint = (style: ReportStyle, format: Format, text: string) => paintIf(style.color, format, text);

export function displayPath(file: string, style: ReportStyle): string {
  const relative = path.relative(style.cwd, path.resolve(style.cwd, file));
  return relative.startsWith("..") ? file : relative;
}

/** `editions/2026-04/en.yaml:42:7  sections[3].stage: expected …, got …` and its code frame. */
export function formatProblem(problem: Problem, source: string, style: ReportStyle): string {
  const where = paint(style, "bold", `${displayPath(problem.file, style)}:${problem.line}:${problem.column}`);
  const head = `${where}  ${problem.path ? `${paint(style, "cyan", problem.path)}: ` : ""}${problem.message}`;
  // Nothing worth framing in an empty or binary file.
  if (source.trim() === "" || looksBinary(source)) return head;
  const clipped = clipLines(frameSource(source), problem.line, problem.column);
  // @babel/code-frame 8 counts columns from 0; ours count from 1, as editors do.
  const frame = codeFrameColumns(
    clipped.source,
    { start: { line: problem.line, column: Math.max(clipped.column - 1, 0) } },
    { linesAbove: 2, linesBelow: 1, highlightCode: style.color, forceColor: style.color },
  );
  return `${head}\n${frame}`;
}

/** A warning: as a problem, marked so. */
export function formatWarning(warning: Problem, source: string, style: ReportStyle): string {
  return `${paint(style, "yellow", "warning")} ${formatProblem(warning, source, style)}`;
}

/** The line for a valid manifest: `✓ editions/2026-04/en.yaml  (APRIL 2026 EDITION, 14 sections)`. */
export function formatValid(check: FileCheck, style: ReportStyle): string {
  const label = check.parsed ? `  (${check.parsed.edition.label}, ${count(check.parsed.sections.length, "section")})` : "";
  return `${paint(style, "green", "✓")} ${displayPath(check.file, style)}${label}`;
}

/** "2 problems in 1 file (3 files checked)", or "3 files checked, no problems". */
export function formatSummary(checks: readonly FileCheck[], style: ReportStyle): string {
  const failed = checks.filter((c) => c.problems.length > 0);
  const problems = failed.reduce((n, c) => n + c.problems.length, 0);
  const warnings = checks.reduce((n, c) => n + (c.warnings?.length ?? 0), 0);
  const also = warnings ? paint(style, "yellow", `; ${count(warnings, "warning")}`) : "";
  if (!failed.length) return paint(style, "green", `${count(checks.length, "file")} checked, no problems`) + also;
  return (
    paint(style, "red", `${count(problems, "problem")} in ${count(failed.length, "file")} (${count(checks.length, "file")} checked)`) + also
  );
}

/** The whole report, in the order the files were checked. */
export function formatReport(checks: readonly FileCheck[], style: ReportStyle): string {
  let out = "";
  checks.forEach((c, i) => {
    // Problems get a blank line on each side; valid files stay one compact list.
    const framed = (k: FileCheck) => k.problems.length + (k.warnings?.length ?? 0) > 0;
    if (i > 0) out += framed(c) || framed(checks[i - 1]) ? "\n\n" : "\n";
    const parts = c.problems.length ? c.problems.map((p) => formatProblem(p, c.source, style)) : [formatValid(c, style)];
    parts.push(...(c.warnings ?? []).map((w) => formatWarning(w, c.source, style)));
    out += parts.join("\n\n");
  });
  return `${out}\n\n${formatSummary(checks, style)}\n`;
}
