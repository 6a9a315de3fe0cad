// How preflight findings read on a terminal: grouped by page, errors first,
// each with its rule, the element and what is wrong. Pure functions returning
// text, like report-problems.ts.
import { blockingFindings, countFindings, type Finding } from "../preflight/rules.js";
import { type Format, paintIf } from "./colour.js";
import type { ReportStyle } from "./report-problems.js";

const paint = (style: ReportStyle, format: Format, text: string) => paintIf(style.color, format, text);

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "0 errors, 1 warning" (and how many errors --allow let through). */
export function findingsSummary(findings: readonly Finding[], allow: readonly string[] = []): string {
  const { errors, warnings } = countFindings(findings);
  const allowed = errors - blockingFindings(findings, allow).length;
  return `${plural(errors, "error")}${allowed ? ` (${allowed} allowed)` : ""}, ${plural(warnings, "warning")}`;
}

function line(f: Finding, allowed: boolean, style: ReportStyle): string {
  const severity = f.severity === "error" ? (allowed ? "error*" : "error") : "warning";
  const colour: Format = f.severity === "error" && !allowed ? "red" : "yellow";
  // "page 6" as the element says nothing the heading above it does not.
  const where = f.element.startsWith("page ") ? "" : `${f.element}${f.section ? ` (in «${f.section}»)` : ""}: `;
  return `    ${paint(style, colour, severity.padEnd(8))} ${paint(style, "cyan", f.rule.padEnd(17))} ${where}${f.message}`;
}

/** Every finding, under "page N" headings; whole-document findings first. */
export function formatFindings(findings: readonly Finding[], allow: readonly string[], style: ReportStyle): string {
  const allowed = new Set(allow);
  const out: string[] = [];
  let current: number | undefined | null = null;
  for (const f of findings) {
    if (f.page !== current) {
      current = f.page;
      out.push(`  ${paint(style, "bold", f.page === undefined ? "document" : `page ${f.page}`)}`);
    }
    out.push(line(f, allowed.has(f.rule), style));
  }
  if (findings.some((f) => f.severity === "error" && allowed.has(f.rule))) out.push("  (error*: allowed by --allow)");
  return out.join("\n");
}
