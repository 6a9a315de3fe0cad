// `npm run check:edition -- [YYYY-MM] [--lang fr|en] [--all]`: argument parsing
// only; the checking is checkEditions() and the wording is report-problems.ts.
import { checkEditions } from "../manifest/check-editions.js";
import { EditionNotFoundError } from "../manifest/discover.js";
import { parseCli } from "./cli-kit.js";
import { CliError, type ExitReason, runCli } from "./exit-codes.js";
import { formatReport, styleFor } from "./report-problems.js";

const HELP = `Usage: npm run check:edition -- [YYYY-MM] [--lang fr|en] [--all]

Checks edition manifests (editions/<YYYY-MM>/<lang>.yaml) without building a PDF,
and lists every problem with its line, column and the lines around it.

  YYYY-MM              the edition to check (default: the latest one)
  --lang fr|en         only this language
  --all                every edition
  --editions-dir DIR   where the editions are (default: editions/)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

Exit codes: 0 all valid, 1 problems found, 2 wrong arguments or unknown edition, 70 internal error.
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    lang: { type: "string" },
    all: { type: "boolean", default: false },
    "editions-dir": { type: "string" },
  });
}

async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (positionals.length > 1) throw new CliError(`expected at most one edition id, got ${positionals.join(" ")}`, "usage");
  if (values.all && positionals.length) throw new CliError(`expected an edition id or --all, got both`, "usage");
  try {
    const checks = await checkEditions({
      edition: positionals[0],
      language: values.lang,
      all: values.all,
      editionsDir: values["editions-dir"],
    });
    if (!checks.length) throw new CliError("expected at least one manifest to check, got none", "usage");
    process.stdout.write(formatReport(checks, styleFor(process.stdout)));
    return checks.some((c) => c.problems.length) ? "invalidManifest" : "ok";
  } catch (err) {
    if (err instanceof EditionNotFoundError) throw new CliError(err.message, "usage");
    throw err;
  }
}

const argv = process.argv.slice(2);
await runCli(() => main(argv), { debug: argv.includes("--debug") });
