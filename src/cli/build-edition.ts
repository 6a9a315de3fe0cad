// `observatory build [YYYY-MM ...] [--lang fr|en] [--all] [--html-only]`
// (npm run build:edition): argument parsing and progress lines only; the work
// is build() in src/pipeline, imported once the arguments are known to be good,
// so --help never loads the browser driver or pdf-lib.
import path from "node:path";
import { BrowserNotFoundError } from "../browser/find-chromium.js";
import { EditionNotFoundError } from "../manifest/discover.js";
import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { projectPaths } from "../paths.js";
import type { BuildReporter } from "../pipeline/build-edition.js";
import { PreflightError } from "../pipeline/preflight-error.js";
import { out, parseCli, printManifestProblems } from "./cli-kit.js";
import { CliError, type ExitReason } from "./exit-codes.js";
import { parseAllow, parseProfile, preflightReporter } from "./preflight-options.js";
import { displayPath, styleFor } from "./report-problems.js";

export const HELP = `Usage: observatory build [YYYY-MM ...] [options]
       npm run build:edition -- [YYYY-MM ...] [options]

Builds the PDF of an edition (every language it has) into output/<YYYY-MM>/:
the PDF, the HTML it was printed from, and a JSON build report.

  YYYY-MM              edition(s) to build (default: the latest one)
  --all                every edition in editions/
  --lang fr|en         only this language
  --html-only          write the HTML only, without a browser
  --concurrency N      editions printed at once (default 2)
  --editions-dir DIR   where the manifests are (default: editions/)
  --out-dir DIR        where output/<YYYY-MM>/ folders go (default: output/)
  --profile P          digital (default: live links) or print (bleed, crop
                       marks, TrimBox; writes <id>-<lang>-print.pdf)
  --allow RULE[,RULE]  preflight errors of these rules do not fail the build
  --no-preflight       skip the preflight checks
  --draft              a proof: values marked { unknown: … } are printed
                       highlighted instead of refused (never for publication)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

Environment: CHROME_PATH (or PUPPETEER_EXECUTABLE_PATH) picks the browser;
SOURCE_DATE_EPOCH overrides the date written into the PDFs;
OBSERVATORY_BROWSER_TIMEOUT (seconds, default 30) bounds each browser step.

Exit codes: 0 built, 1 invalid manifest, 2 wrong arguments, 3 no browser,
4 template or render failure, 5 output not written, 6 preflight errors
(the previous PDF is kept), 7 the browser failed (did not start, stopped
answering, crashed), 130/143 interrupted (Ctrl-C, SIGTERM), 70 internal error.
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    all: { type: "boolean", default: false },
    lang: { type: "string" },
    "html-only": { type: "boolean", default: false },
    concurrency: { type: "string" },
    "editions-dir": { type: "string" },
    "out-dir": { type: "string" },
    profile: { type: "string" },
    allow: { type: "string", multiple: true },
    "no-preflight": { type: "boolean", default: false },
    draft: { type: "boolean", default: false },
  });
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
    if (err instanceof EditionNotFoundError) throw new CliError(err.message, "usage");
    if (err instanceof BrowserNotFoundError) throw new CliError(err.message, "noBrowser");
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
