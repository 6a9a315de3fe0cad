// `observatory new <YYYY-MM> [--from YYYY-MM]`: argument parsing and
// the next steps only; the work is newEdition().
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ManifestError } from "../manifest/problem.js";
import { newEdition } from "../new-edition/new-edition.js";
import { out, parseCli } from "./cli-kit.js";
import { helpText } from "./command-spec.js";
import { newEdition as spec } from "./command-specs.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { displayPath, formatProblem, styleFor } from "./report-problems.js";

export const HELP = helpText("new", spec);

function parse(argv: string[]) {
  return parseCli(argv, spec.options);
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
    throw err;
  }
}
