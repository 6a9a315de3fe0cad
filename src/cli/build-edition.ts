// `observatory build [YYYY-MM ...] [--lang fr|en] [--all] [--html-only]`
// (npm run build:edition): argument parsing and progress lines only; the work
// is build() in src/pipeline, imported once the arguments are known to be good,
// so --help never loads the browser driver or pdf-lib.
import path from "node:path";
import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { projectPaths } from "../paths.js";
import type { BuildReporter } from "../pipeline/build-edition.js";
import { PreflightError } from "../pipeline/preflight-error.js";
import { out, parseCli, printManifestProblems } from "./cli-kit.js";
import { helpText } from "./command-spec.js";
import { build } from "./command-specs.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { parseAllow, parseProfile, preflightReporter } from "./preflight-options.js";
import { displayPath, styleFor } from "./report-problems.js";

export const HELP = helpText("build", build);

function parse(argv: string[]) {
  return parseCli(argv, build.options);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const reporter: BuildReporter = {
  stage: (job, stage, ms) => out(`  ${job}  ${stage.padEnd(15)} ${String(ms).padStart(5)} ms`),
  file: (input, output) => out(`${input} -> ${output}`),
};

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (values.lang && !LANGUAGES.includes(values.lang as Language))
    throw new CliError(`--lang: expected ${LANGUAGES.join(" or ")}, got "${values.lang}"`, "usage");
  if (values.all && positionals.length) throw new CliError("expected edition ids or --all, got both", "usage");
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0))
    throw new CliError(`--concurrency: expected a whole number above 0, got "${values.concurrency}"`, "usage");
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && !/^\d+$/.test(epoch))
    throw new CliError(`SOURCE_DATE_EPOCH: expected seconds since 1970, got "${epoch}"`, "usage");
  const profile = parseProfile(values.profile);
  const allow = parseAllow(values.allow);
  // Chromium is launched before the rest of the pipeline is even imported: it
  // starts in its own process while Node reads the templates, pdf-lib and the
  // preflight (about half a second of module loading on this machine).
  const session = values["html-only"] ? undefined : new (await import("../browser/browser-session.js")).BrowserSession();
  session?.prelaunch();
  const [{ build }, { TemplateError }] = await Promise.all([import("../pipeline/build-edition.js"), import("../render/template-env.js")]);
  try {
    const paths = values["editions-dir"] ? { ...projectPaths, editions: path.resolve(values["editions-dir"]) } : projectPaths;
    const result = await build({
      paths,
      outputDir: values["out-dir"] ? path.resolve(values["out-dir"]) : undefined,
      editions: positionals,
      all: values.all,
      language: values.lang as Language | undefined,
      htmlOnly: values["html-only"],
      concurrency,
      sourceDateEpoch: epoch === undefined ? undefined : Number(epoch),
      profile,
      allow,
      preflight: !values["no-preflight"],
      draft: values.draft,
      session,
      closeSession: true,
      reporter: { ...reporter, preflight: preflightReporter(allow, styleFor(process.stdout), out) },
    });
    const pdfs = result.jobs.filter((j) => j.pdf);
    const what = values["html-only"]
      ? `${result.jobs.length} HTML file${result.jobs.length === 1 ? "" : "s"}`
      : `${pdfs.length} PDF${pdfs.length === 1 ? "" : "s"}`;
    const pages = pdfs.reduce((n, j) => n + (j.pages ?? 0), 0);
    out(`Built ${what}${pdfs.length ? ` (${pages} pages)` : ""} in ${seconds(result.ms)}`);
    const blocked = result.jobs.flatMap((j) => j.blockedRequests);
    if (blocked.length) out(`Blocked ${blocked.length} request(s) that left the project: ${blocked.slice(0, 3).join(", ")}`);
    return "ok";
  } catch (err) {
    if (err instanceof ManifestError) {
      await printManifestProblems(err);
      return "invalidManifest";
    }
    if (err instanceof PreflightError) {
      process.stderr.write(`${err.message}; the previous PDF is kept (--allow RULE to accept a rule's errors)\n`);
      return "preflightFailed";
    }
    if (err instanceof TemplateError) {
      const style = styleFor(process.stderr);
      throw new CliError(`${displayPath(err.file, style)}:${err.line}:${err.column}  template error: ${err.message}`, "renderFailed");
    }
    if (
      (err as NodeJS.ErrnoException).code &&
      ["EACCES", "ENOSPC", "EROFS", "EPERM"].includes((err as NodeJS.ErrnoException).code as string)
    )
      throw new CliError(`could not write the output: ${(err as Error).message}`, "outputNotWritten");
    throw err;
  } finally {
    await session?.close();
  }
}
