// `observatory check [YYYY-MM | FILE ...] [--lang fr|en] [--all] [--json]`
// (npm run check:edition): argument parsing only; the checking is
// checkEditions() and checkFile(), the wording report-problems.ts.
import path from "node:path";
import { checkAcrossEditions } from "../checks/check-across.js";
import { checkEditions, checkFile, type FileCheck } from "../checks/check-editions.js";
import { templateChecks } from "../checks/template-report.js";
import type { ManifestFile } from "../manifest/discover.js";
import { EDITION_ID, type Language } from "../manifest/primitives.js";
import { projectPaths } from "../paths.js";
import { parseCli } from "./cli-kit.js";
import { helpText } from "./command-spec.js";
import { check } from "./command-specs.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { displayPath, formatReport, styleFor } from "./report-problems.js";

export const HELP = helpText("check", check);

function parse(argv: string[]) {
  return parseCli(argv, check.options);
}

/** A path names its edition and language by its folder and file name, as editions/<YYYY-MM>/<lang>.yaml does. */
function fileTarget(file: string): ManifestFile {
  const absolute = path.resolve(file);
  return {
    edition: path.basename(path.dirname(absolute)),
    language: path.basename(absolute, path.extname(absolute)) as Language,
    file: absolute,
  };
}

/** What --json prints: plain data, paths as the text report shows them. */
export function checksAsJson(checks: readonly FileCheck[]) {
  const style = { color: false, cwd: process.cwd() };
  return {
    files: checks.map((c) => ({
      file: displayPath(c.file, style),
      valid: c.problems.length === 0,
      edition: c.parsed?.edition.id,
      language: c.parsed?.edition.language,
      label: c.parsed?.edition.label,
      problems: c.problems.map((p) => ({ ...p, file: displayPath(p.file, style) })),
      warnings: (c.warnings ?? []).map((p) => ({ ...p, file: displayPath(p.file, style) })),
    })),
    filesChecked: checks.length,
    filesWithProblems: checks.filter((c) => c.problems.length).length,
    problems: checks.reduce((n, c) => n + c.problems.length, 0),
    warnings: checks.reduce((n, c) => n + (c.warnings?.length ?? 0), 0),
  };
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (values.all && positionals.length) throw new CliError(`expected edition ids, files or --all, got both`, "usage");
  const editionsDir = values["editions-dir"];
  const checks: FileCheck[] = [];
  if (!positionals.length) checks.push(...(await checkEditions({ language: values.lang, all: values.all, editionsDir })));
  for (const target of positionals) {
    if (EDITION_ID.test(target) || !/\.ya?ml$/i.test(target))
      checks.push(...(await checkEditions({ edition: target, language: values.lang, editionsDir })));
    else checks.push(await checkFile(fileTarget(target)));
  }
  if (!checks.length) throw new CliError("expected at least one manifest to check, got none", "usage");
  // A manifest named by its path is read with the editions beside it.
  for (const check of checks) await checkAcrossEditions([check], editionsDir ?? path.dirname(path.dirname(check.file)));
  // The templates read against the section schemas: a misspelt field or helper is a problem at its line.
  checks.push(...templateChecks(projectPaths.templates));
  if (values.json) process.stdout.write(`${JSON.stringify(checksAsJson(checks), null, 2)}\n`);
  else process.stdout.write(formatReport(checks, styleFor(process.stdout)));
  return checks.some((c) => c.problems.length) ? "invalidManifest" : "ok";
}
