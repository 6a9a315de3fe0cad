// `observatory diff [FROM] [TO] [--lang fr|en] [--json]`: argument
// parsing only; the comparison is compareEditions(), the wording format-text.ts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compareEditions } from "../diff/compare-editions.js";
import { diffCounts } from "../diff/edition-diff.js";
import { formatDiffText } from "../diff/format-text.js";
import { EditionNotFoundError } from "../manifest/discover.js";
import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { parseCli } from "./cli-kit.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { formatProblem, styleFor } from "./report-problems.js";

export const HELP = `Usage: observatory diff [FROM] [TO] [--lang fr|en] [--json]
       npm run diff:edition -- [FROM] [TO] [--lang fr|en] [--json]

What changed in the tables between two editions: new applicants, offers
withdrawn, stage moves (J0 to J1 ...), offers that became qualified, offers
listed under another service model, and changes to the PaaS matrix. Rows are
matched by provider and offer identity (provider_id, offer_id), not wording,
so editions in different languages compare.

  FROM TO              the older and the newer edition, like 2026-03 2026-04
  TO                   alone: compared with the edition before it
                       (no id: the latest edition and the one before)
  --lang fr|en         compare this language of both editions
  --json               print the comparison as JSON
  --editions-dir DIR   where the editions are (default: editions/)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

Exit codes: 0 compared (changes or not), 1 a manifest has problems,
2 wrong arguments or unknown edition, 70 internal error.
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    lang: { type: "string" },
    json: { type: "boolean", default: false },
    "editions-dir": { type: "string" },
  });
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (positionals.length > 2)
    throw new CliError(`expected at most two edition ids (older, then newer), got ${positionals.join(" ")}`, "usage");
  if (values.lang && !LANGUAGES.includes(values.lang as Language))
    throw new CliError(`--lang: expected ${LANGUAGES.join(" or ")}, got "${values.lang}"`, "usage");
  const [from, to] = positionals.length === 2 ? positionals : [undefined, positionals[0]];
  if (from && to && from > to)
    throw new CliError(`expected the older edition first, got ${from} then ${to}; run: npm run diff:edition -- ${to} ${from}`, "usage");
  try {
    const diff = await compareEditions({
      from,
      to,
      language: values.lang as Language | undefined,
      editionsDir: values["editions-dir"] && path.resolve(values["editions-dir"]),
    });
    process.stdout.write(values.json ? `${JSON.stringify({ ...diff, counts: diffCounts(diff) }, null, 2)}\n` : formatDiffText(diff));
    return "ok";
  } catch (err) {
    if (err instanceof ManifestError) {
      for (const p of err.problems)
        process.stderr.write(`${formatProblem(p, await readFile(p.file, "utf8").catch(() => ""), styleFor(process.stderr))}\n\n`);
      process.stderr.write(`${err.message}; fix it (npm run check:edition) before comparing\n`);
      return "invalidManifest";
    }
    if (err instanceof EditionNotFoundError) throw new CliError(err.message, "usage");
    throw err;
  }
}
