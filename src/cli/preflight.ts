// `observatory preflight [YYYY-MM ...] [--lang fr|en] [--all] [--profile print] [--allow RULE]`:
// builds into a temporary folder (output/ is left alone) and prints what
// preflight found, page by page. The work is build() in src/pipeline, imported
// only after the arguments are read (--help and --rules load no browser driver).
import path from "node:path";
import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { projectPaths } from "../paths.js";
import { makeWorkFolder } from "../pipeline/work-folder.js";
import { blockingFindings, RULE_IDS, RULES } from "../preflight/rules.js";
import { out, parseCli } from "./cli-kit.js";
import { helpText } from "./command-spec.js";
import { preflight } from "./command-specs.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { parseAllow, parseProfile } from "./preflight-options.js";
import { findingsSummary, formatFindings, plural } from "./report-findings.js";
import { displayPath, formatProblem, styleFor } from "./report-problems.js";

export const HELP = helpText("preflight", preflight);

function parse(argv: string[]) {
  return parseCli(argv, preflight.options);
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (values.rules) {
    for (const id of RULE_IDS) out(`${id.padEnd(18)} ${RULES[id]}`);
    return "ok";
  }
  if (values.lang && !LANGUAGES.includes(values.lang as Language))
    throw new CliError(`--lang: expected ${LANGUAGES.join(" or ")}, got "${values.lang}"`, "usage");
  if (values.all && positionals.length) throw new CliError("expected edition ids or --all, got both", "usage");
  const profile = parseProfile(values.profile);
  const allow = parseAllow(values.allow);
  const style = styleFor(process.stdout);
  const [{ build }, { TemplateError }] = await Promise.all([import("../pipeline/build-edition.js"), import("../render/template-env.js")]);
  // Removed by Ctrl-C too, and swept by the next run after a kill -9.
  const work = makeWorkFolder("preflight");
  const outputDir = work.path;
  try {
    const paths = values["editions-dir"] ? { ...projectPaths, editions: path.resolve(values["editions-dir"]) } : projectPaths;
    // Every rule allowed here, so every job runs to the end; the exit code applies --allow.
    const result = await build({
      paths,
      outputDir,
      editions: positionals,
      all: values.all,
      language: values.lang as Language | undefined,
      profile,
      allow: RULE_IDS,
    });
    let failed = 0;
    if (values.json)
      out(
        JSON.stringify(
          result.jobs.map((j) => ({ edition: j.id, language: j.language, profile: profile ?? "digital", findings: j.preflight })),
          null,
          2,
        ),
      );
    for (const job of result.jobs) {
      const findings = job.preflight ?? [];
      if (blockingFindings(findings, allow).length) failed++;
      if (values.json) continue;
      out(`${displayPath(job.manifest, style)} (${job.pages} pages, ${profile ?? "digital"}): ${findingsSummary(findings, allow)}`);
      if (findings.length) out(formatFindings(findings, allow, style));
    }
    if (!values.json)
      out(
        `Checked ${plural(result.jobs.length, "PDF")} in ${(result.ms / 1000).toFixed(1)} s: ${failed ? `${failed} with errors` : "no errors"}`,
      );
    return failed ? "preflightFailed" : "ok";
  } catch (err) {
    if (err instanceof ManifestError) {
      const stderrStyle = styleFor(process.stderr);
      const { readFile } = await import("node:fs/promises");
      for (const problem of err.problems)
        process.stderr.write(`${formatProblem(problem, await readFile(problem.file, "utf8").catch(() => ""), stderrStyle)}\n\n`);
      process.stderr.write(`${err.message}; nothing was checked\n`);
      return "invalidManifest";
    }
    if (err instanceof TemplateError)
      throw new CliError(
        `${displayPath(err.file, styleFor(process.stderr))}:${err.line}:${err.column}  template error: ${err.message}`,
        "renderFailed",
      );
    throw err;
  } finally {
    work.remove();
  }
}
