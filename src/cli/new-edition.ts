// `observatory new <YYYY-MM> [--from YYYY-MM]`: argument parsing and
// the next steps only; the work is newEdition().
import { readFile } from "node:fs/promises";
import path from "node:path";
import { EditionNotFoundError } from "../manifest/discover.js";
import { ManifestError } from "../manifest/problem.js";
import { NewEditionError, newEdition } from "../new-edition/new-edition.js";
import { out, parseCli } from "./cli-kit.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { displayPath, formatProblem, styleFor } from "./report-problems.js";

export const HELP = `Usage: observatory new <YYYY-MM> [--from YYYY-MM]
       npm run new:edition -- <YYYY-MM> [--from YYYY-MM]

Starts an edition: copies the manifests of an earlier edition into
editions/<YYYY-MM>/, moves their id, date (first of the month), label
("MAY 2026 EDITION", "ÉDITION MAI 2026") and "whats-new" comparison on, checks
them, and never overwrites a file.

  YYYY-MM              the new edition
  --from YYYY-MM       the edition to copy (default: the latest one before it)
  --editions-dir DIR   where the editions are (default: editions/)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

Exit codes: 0 created, 1 the copied manifest has problems, 2 wrong arguments,
unknown edition or the new files already exist, 70 internal error.
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    from: { type: "string" },
    "editions-dir": { type: "string" },
  });
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (positionals.length !== 1)
    throw new CliError(`expected the id of the new edition, like 2026-05, got ${positionals.join(" ") || "none"}`, "usage");
  const style = styleFor(process.stdout);
  try {
    const result = await newEdition({
      id: positionals[0],
      from: values.from,
      editionsDir: values["editions-dir"] && path.resolve(values["editions-dir"]),
    });
    for (const m of result.manifests) {
      out(`${displayPath(m.fromFile, style)} -> ${displayPath(m.file, style)}  (${m.label}, ${m.date})`);
      for (const w of m.warnings) out(`  warning: ${w}`);
    }
    const files = result.manifests.map((m) => displayPath(m.file, style)).join(", ");
    out(`Created edition ${result.id} from ${result.from}; it validates. Next:`);
    out(`  1. edit ${files}: the providers table and stages, the sources, the editorial`);
    out(`  2. npm run check:edition -- ${result.id}`);
    out(`  3. npm run diff:edition -- ${result.from} ${result.id}     (what changed in the tables)`);
    out(`  4. npm run build:edition -- ${result.id}`);
    out(`  5. npm run archive -- ${result.id}                 (once it is published)`);
    return "ok";
  } catch (err) {
    if (err instanceof ManifestError) {
      for (const p of err.problems)
        process.stderr.write(`${formatProblem(p, await readFile(p.file, "utf8").catch(() => ""), styleFor(process.stderr))}\n\n`);
      process.stderr.write(`${err.message}; fix the edition you start from first (npm run check:edition). Nothing was written.\n`);
      return "invalidManifest";
    }
    if (err instanceof NewEditionError || err instanceof EditionNotFoundError) throw new CliError(err.message, "usage");
    throw err;
  }
}
