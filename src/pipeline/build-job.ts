// One job: one manifest -> HTML -> PDF -> finished PDF, preflight, files,
// in the stages the build prints (html; load, print, ... in print-edition.ts;
// finish, preflight-pdf, conformance, write in job-stages.ts).
// Nothing is written in place until every stage succeeded.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserSession } from "../browser/browser-session.js";
import { type EditionReader, editionReader } from "../diff/edition-reader.js";
import type { PageImage } from "../images/page-images.js";
import type { LoadedEdition } from "../manifest/load.js";
import { type HtmlOptions, renderEditionHtml } from "../render/edition-html.js";
import { readEarlierEditions } from "../render/section-views.js";
import { hyphenPolicy, isProtectedWord } from "../render/word-policy.js";
import { StagedFiles } from "../runtime/atomic-write.js";
import { loadLabels } from "../sections/labels.js";
import type { BuildOptions, JobResult, Profile } from "./build-types.js";
import { dataAttachments, dataDir, editionData } from "./data-output.js";
import { FinishMemo } from "./finish-memo.js";
import { conformanceStage, coverStage, finishStage, type Job, preflightStage, writeStage } from "./job-stages.js";
import { type Printed, printEdition } from "./print-edition.js";
import { type TypesetInputs, type TypesetSeed, typesetInputs, typesetKey, typesetSeed } from "./typeset-memo.js";

export type JobOptions = Required<Pick<BuildOptions, "paths" | "outputDir">> &
  BuildOptions & {
    /** Shared by the jobs of one run, so each earlier edition is parsed once (edition-reader.ts). */
    reader?: EditionReader;
    /** The digests of the run's inputs, computed once for all its jobs. */
    inputs?: Promise<TypesetInputs>;
    /** Called once per job, when it needs the browser no more (its cover drawn, or it failed). */
    browserDone?: () => void;
  };

function outputBase(outputDir: string, loaded: LoadedEdition, profile: Profile): string {
  const { id, language } = loaded.edition.edition;
  // The digital edition keeps its name; the print-shop file is <id>-<lang>-print.pdf.
  return path.join(outputDir, id, `${id}-${language}${profile === "print" ? "-print" : ""}`);
}

/** The page numbers of the last build of this job, to print the contents page right the first time. */
async function lastPageNumbers(base: string): Promise<Record<string, number> | undefined> {
  try {
    const report = JSON.parse(await readFile(`${base}.report.json`, "utf8")) as { pageNumbers?: Record<string, number> };
    return report.pageNumbers;
  } catch {
    return undefined;
  }
}

/** A job being built: what the stages share, and the options every render of its HTML takes. */
interface RenderJob extends Job {
  html: HtmlOptions;
}

/** What the job reads before its first stage: the earlier editions its sections compare with. */
async function startJob(loaded: LoadedEdition, options: JobOptions): Promise<RenderJob> {
  const { paths, outputDir } = options;
  const edition = loaded.edition;
  const profile = options.profile ?? "digital";
  const base = outputBase(outputDir, loaded, profile);
  const htmlDir = path.dirname(base);
  const label = path.relative(process.cwd(), loaded.file);
  const timings: Record<string, number> = {};
  const timed = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      timings[stage] = Math.round(performance.now() - start);
      options.reporter?.stage?.(label, stage, timings[stage]);
    }
  };
  // The other editions each section type reads, as `check` reads them (section-views.ts).
  const earlier = await readEarlierEditions(loaded, options.reader ?? editionReader(paths.editions));
  const html = {
    templatesDir: paths.templates,
    assetsDir: paths.assets,
    htmlDir,
    profile,
    earlier,
    draft: options.draft,
  };
  const result: JobResult = {
    id: edition.edition.id,
    language: edition.edition.language,
    manifest: loaded.file,
    html: `${base}.html`,
    blockedRequests: [],
    timings,
  };
  return { loaded, edition, options, profile, base, htmlDir, label, staged: new StagedFiles(), result, timed, html };
}

/** load, print, print-contents, measure, reprint, preflight-page (print-edition.ts): the HTML printed until its page numbers hold. */
// The page is opened as soon as the job knows it will print, and waits for
// its HTML: Chromium makes the tab in its own processes while this one renders.
async function printStage(job: RenderJob, session: BrowserSession, ready: Promise<PrintInput>) {
  const { edition, options, staged, htmlDir } = job;
  const { paths } = options;
  const policy = hyphenPolicy(edition, paths.templates);
  return session.withPage(async (page) => {
    const { printFile, hint, seed } = await ready;
    return printEdition(page, {
      htmlFile: printFile,
      allowedRoots: [paths.templates, paths.assets, path.join(paths.root, "node_modules", "@fontsource"), htmlDir],
      language: edition.edition.language,
      hint,
      print: job.profile === "print",
      preflight: options.preflight !== false,
      timed: job.timed,
      seed,
      retypeset: {
        render: async (keepWhole, css, pageNumbers) => {
          const again = renderEditionHtml(edition, { ...job.html, pageNumbers: new Map(Object.entries(pageNumbers)), keepWhole, css });
          await staged.writeStaged(printFile, again.html);
        },
        isName: (word) => isProtectedWord(word, policy),
      },
    });
  });
}

/** What the print waits for: the staged HTML, rendered with these page numbers and typesetting decisions. */
interface PrintInput {
  printFile: string;
  hint?: Record<string, number>;
  seed?: TypesetSeed;
}

/** The HTML kept is the one first rendered when the print kept its numbers and decisions (a rebuild): not rendered again. */
const sameRender = (hint: Record<string, number> | undefined, seed: TypesetSeed | undefined, printed: Printed) =>
  hint !== undefined &&
  seed !== undefined &&
  JSON.stringify(Object.entries(hint)) === JSON.stringify(Object.entries(printed.pageNumbers)) &&
  JSON.stringify([seed.keepWhole, seed.css]) === JSON.stringify([printed.keepWhole, printed.css]);

export async function buildJob(loaded: LoadedEdition, options: JobOptions, session?: BrowserSession): Promise<JobResult> {
  const job = await startJob(loaded, options);
  const { edition, staged, result, label } = job;
  const { paths, outputDir } = options;
  let drawing: Promise<PageImage> | undefined;
  let released = false;
  const done = () => {
    if (!released) options.browserDone?.();
    released = true;
  };
  try {
    const hint = options.htmlOnly || !session ? undefined : await lastPageNumbers(job.base);
    const key =
      session && !options.htmlOnly
        ? typesetKey(await (options.inputs ?? typesetInputs(paths)), paths, loaded.file, job.profile, await session.version())
        : undefined;
    const seed = key ? await typesetSeed(`${job.base}.report.json`, key, options.draft === true) : undefined;
    let rendered: (input: PrintInput) => void = () => {};
    let failed: (err: unknown) => void = () => {};
    const ready = new Promise<PrintInput>((resolve, reject) => {
      rendered = resolve;
      failed = reject;
    });
    // A failed HTML rejects it before the page awaits it: handled there, not reported as unhandled.
    ready.catch(() => {});
    const printing = session && !options.htmlOnly ? printStage(job, session, ready) : undefined;
    // Settled here if the HTML fails (the page is closed, the job reports the HTML's error).
    printing?.catch(() => {});
    // The tab's creation is asked of Chromium before this process is busy rendering.
    if (printing) await new Promise((r) => setImmediate(r));
    let first: ReturnType<typeof renderEditionHtml>;
    let printFile: string;
    try {
      first = await job.timed("html", () =>
        renderEditionHtml(edition, { ...job.html, pageNumbers: hint && new Map(Object.entries(hint)), ...seed }),
      );
      printFile = await staged.stagePath(result.html);
      await staged.writeStaged(printFile, first.html);
    } catch (err) {
      failed(err);
      await printing?.catch(() => {});
      throw err;
    }
    if (!printing || !session) {
      await staged.commit(options.signal);
      options.reporter?.file?.(label, path.relative(process.cwd(), result.html));
      return result;
    }
    rendered({ printFile, hint, seed });
    const printed = await printing;
    result.blockedRequests = printed.blocked;
    result.pageNumbers = printed.pageNumbers;
    result.prints = printed.prints;
    if (options.keepPrint) result.printed = printed.pdf;
    if (key) result.typeset = { key, keepWhole: printed.keepWhole, css: printed.css };
    // The HTML kept beside the PDF is the one it was printed from, numbers included.
    const final = sameRender(hint, seed, printed)
      ? first
      : renderEditionHtml(edition, {
          ...job.html,
          pageNumbers: new Map(Object.entries(printed.pageNumbers)),
          keepWhole: printed.keepWhole,
          css: printed.css,
        });
    await staged.writeStaged(printFile, final.html);
    const labels = loadLabels(edition.edition.language, paths.templates);
    // The open data of the edition, written beside the PDF and attached to it.
    const data = editionData(edition, paths.templates);
    result.chromium = await session.version();
    // A rebuild whose raw print is the last build's takes what followed it from there (finish-memo.ts).
    job.memo = await FinishMemo.open(job.base, printed.pdf, key);
    const finished = await finishStage(job, printed, final, labels, dataAttachments(data));
    // Drawn in Chromium while the two checks below run here.
    drawing = options.pdfOnly ? undefined : coverStage(job, finished, session);
    if (!(await preflightStage(job, printed, final, finished, labels))) {
      await drawing?.catch(() => {});
      await staged.discard();
      return result;
    }
    if (!options.pdfOnly) await conformanceStage(job, finished);
    const folder = dataDir(outputDir, edition);
    // The cover was the job's last use of the browser.
    void drawing?.finally(done).catch(() => {});
    if (!drawing) done();
    await writeStage(job, finished, final, data, folder, drawing);
    options.reporter?.file?.(label, path.relative(process.cwd(), result.pdf as string));
    options.reporter?.file?.(label, path.relative(process.cwd(), folder));
    return result;
  } catch (err) {
    // The browser is left with no drawing of this job's in flight.
    await drawing?.catch(() => {});
    await staged.discard();
    throw err;
  } finally {
    done();
  }
}
