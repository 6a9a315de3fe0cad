// `observatory check [YYYY-MM | FILE ...] [--lang fr|en] [--all] [--json]`
// (npm run check:edition): argument parsing only; the checking is
// checkEditions() and checkFile(), the wording report-problems.ts.
import path from "node:path";
import { checkAcrossEditions } from "../checks/check-across.js";
import { checkEditions, checkFile, type FileCheck } from "../checks/check-editions.js";
import { EditionNotFoundError, type ManifestFile } from "../manifest/discover.js";
import { EDITION_ID, type Language } from "../manifest/primitives.js";
import { parseCli } from "./cli-kit.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { displayPath, formatReport, styleFor } from "./report-problems.js";

export const HELP = `Usage: observatory check [YYYY-MM | FILE ...] [--lang fr|en] [--all] [--json]
       npm run check:edition -- [YYYY-MM | FILE ...] [options]

Checks edition manifests (editions/<YYYY-MM>/<lang>.yaml) without building a PDF,
and lists every problem with its line, column and the lines around it.

  YYYY-MM              an edition to check (default: the latest one)
  FILE                 a manifest file, by its path (what editors and
                       pre-commit hooks pass); several may be given
  --lang fr|en         only this language of the editions named by id
  --all                every edition
  --json               the result as JSON on stdout (files, problems, counts)
  --editions-dir DIR   where the editions are (default: editions/)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

Problems stop the build; warnings (a stage that moves back since the previous
edition, a date in a later month, a source no row cites, a row whose source
is dated otherwise) are for the editor to look at, and do not.

Exit codes: 0 all valid (warnings or not), 1 problems found, 2 wrong arguments or unknown edition, 70 internal error.
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    lang: { type: "string" },
    all: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "editions-dir": { type: "string" },
  });
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
  try {
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
    if (values.json) process.stdout.write(`${JSON.stringify(checksAsJson(checks), null, 2)}\n`);
    else process.stdout.write(formatReport(checks, styleFor(process.stdout)));
    return checks.some((c) => c.problems.length) ? "invalidManifest" : "ok";
  } catch (err) {
    if (err instanceof EditionNotFoundError) throw new CliError(err.message, "usage");
    throw err;
  }
}
