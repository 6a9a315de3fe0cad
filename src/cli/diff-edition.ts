// `observatory diff [FROM] [TO] [--lang fr|en] [--json]`: argument
// parsing only; the comparison is compareEditions(), the wording format-text.ts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compareEditions } from "../diff/compare-editions.js";
import { diffCounts } from "../diff/edition-diff.js";
import { formatDiffText } from "../diff/format-text.js";
import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { parseCli } from "./cli-kit.js";
import { helpText } from "./command-spec.js";
import { diff } from "./command-specs.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { formatProblem, styleFor } from "./report-problems.js";

export const HELP = helpText("diff", diff);

function parse(argv: string[]) {
  return parseCli(argv, diff.options);
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
    throw err;
  }
}
