// One job: one manifest -> HTML -> PDF -> finished PDF, preflight, files,
// in the stages the build prints (html; load, print, ... in print-edition.ts;
// finish, preflight-pdf, conformance, write in job-stages.ts).
// Nothing is written in place until every stage succeeded.
import path from "node:path";
import type { BrowserSession } from "../browser/browser-session.js";
import { type EditionReader, editionReader } from "../diff/edition-reader.js";
import { type PreparedDrawing, prepareDrawing } from "../images/draw-pages.js";
import type { PageImage } from "../images/page-images.js";
import type { LoadedEdition } from "../manifest/load.js";
import { type EditionHtml, type HtmlOptions, renderEditionHtml } from "../render/edition-html.js";
import { readEarlierEditions } from "../render/section-views.js";
import { hyphenPolicy, isProtectedWord } from "../render/word-policy.js";
import { StagedFiles } from "../runtime/atomic-write.js";
import { loadLabels } from "../sections/labels.js";
import type { BuildOptions, JobResult, Profile } from "./build-types.js";
import { warmCheckThread } from "./check-thread.js";
import { dataAttachments, dataDir, editionData } from "./data-output.js";
import { FinishMemo } from "./finish-memo.js";
import {
  conformanceStage,
  conformanceVerdict,
  coverStage,
  earlyWebEdition,
  finishStage,
  type Job,
  preflightStage,
  writeStage,
} from "./job-stages.js";
import { htmlRecord, LastBuild, type StartingPoint } from "./last-build.js";
import { type Printed, printEdition } from "./print-edition.js";
import { type KeptPrint, type TypesetInputs, type TypesetSeed, typesetInputs, typesetKey } from "./typeset-memo.js";

export type JobOptions = Required<Pick<BuildOptions, "paths" | "outputDir">> &
  BuildOptions & {
    /** Shared by the jobs of one run, so each earlier edition is parsed once (edition-reader.ts). */
    reader?: EditionReader;
    /** The digests of the run's inputs, computed once for all its jobs. */
    inputs?: Promise<TypesetInputs>;
    /** Called once per job, when it needs the browser no more (its cover drawn, or it failed). */
    browserDone?: () => void;
    /** The run's only job: its cover's tab is readied while it prints (with more jobs, one would wait on another's). */
    alone?: boolean;
  };

function outputBase(outputDir: string, loaded: LoadedEdition, profile: Profile): string {
  const { id, language } = loaded.edition.edition;
  // The digital edition keeps its name; the print-shop file is <id>-<lang>-print.pdf.
  return path.join(outputDir, id, `${id}-${language}${profile === "print" ? "-print" : ""}`);
}

/** A job being built: what the stages share, and the options every render of its HTML takes. */
interface RenderJob extends Job {
  html: HtmlOptions;
  reader: EditionReader;
  /** The last HTML a typesetting pass rendered, and what with: the final one when the print it made held. */
  lastRender?: { key: string; html: EditionHtml };
}

const renderKey = (pageNumbers: Record<string, number>, keepWhole: string[], css: string[]) =>
  JSON.stringify([Object.entries(pageNumbers), keepWhole, css]);

/** The job's HTML with these numbers and decisions. The earlier editions are read on the first render: a rebuild that keeps its HTML reads none. */
async function render(job: RenderJob, options: Pick<HtmlOptions, "pageNumbers" | "keepWhole" | "css">) {
  job.html.earlier ??= await readEarlierEditions(job.loaded, job.reader);
  return renderEditionHtml(job.edition, { ...job.html, ...options });
}

const numbers = (pages: Record<string, number> | undefined) => pages && new Map(Object.entries(pages));

/** What the stages share, made before the first one. */
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
  // The other editions each section type reads, as `check` reads them (section-views.ts): read by render().
  const html: HtmlOptions = {
    templatesDir: paths.templates,
    assetsDir: paths.assets,
    htmlDir,
    profile,
    earlier: undefined,
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
  const reader = options.reader ?? editionReader(paths.editions);
  return { loaded, edition, options, profile, base, htmlDir, label, staged: new StagedFiles(), result, timed, html, reader };
}

/** load, print, print-contents, measure, reprint, preflight-page (print-edition.ts): the HTML printed until its page numbers hold. */
// The page is opened as soon as the job knows it will print, and waits for
// its HTML: Chromium makes the tab in its own processes while this one renders.
async function printStage(job: RenderJob, session: BrowserSession, ready: Promise<PrintInput>, early: (printed: Printed) => void) {
  const { edition, options, staged, htmlDir } = job;
  const { paths } = options;
  const policy = hyphenPolicy(edition, paths.templates);
  return session.withPage(async (page) => {
    const { printFile, hint, seed, kept, whilePrinting } = await ready;
    return printEdition(page, {
      htmlFile: printFile,
      allowedRoots: [paths.templates, paths.assets, path.join(paths.root, "node_modules", "@fontsource"), htmlDir],
      language: edition.edition.language,
      hint,
      print: job.profile === "print",
      preflight: options.preflight !== false,
      timed: job.timed,
      seed,
      kept,
      whilePrinting,
      printed: early,
      retypeset: {
        render: async (keepWhole, css, pageNumbers) => {
          const again = await render(job, { pageNumbers: numbers(pageNumbers), keepWhole, css });
          job.lastRender = { key: renderKey(pageNumbers, keepWhole, css), html: again };
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
  kept?: KeptPrint;
  whilePrinting?: () => void;
}

/** Two starting points that render the same HTML. */
const sameStart = (a: StartingPoint, b: StartingPoint) =>
  (a.html === undefined) === (b.html === undefined) && JSON.stringify([a.hint, a.seed]) === JSON.stringify([b.hint, b.seed]);

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
  let prepared: PreparedDrawing | undefined;
  let released = false;
  const done = () => {
    if (!released) options.browserDone?.();
    released = true;
  };
  try {
    const draft = options.draft === true;
    const last = options.htmlOnly || !session ? undefined : await LastBuild.read(job.base);
    const inputs = last ? await (options.inputs ?? typesetInputs(paths)) : undefined;
    const keyWith = (chromium: string | undefined) =>
      inputs && chromium !== undefined ? typesetKey(inputs, paths, loaded.file, job.profile, chromium) : undefined;
    // Taken with the Chromium of the last build while this one starts (last-build.ts); confirmed before the print.
    let start: StartingPoint = last ? await last.start(keyWith(last.chromium), draft) : {};
    let rendered: (input: PrintInput) => void = () => {};
    let failed: (err: unknown) => void = () => {};
    const ready = new Promise<PrintInput>((resolve, reject) => {
      rendered = resolve;
      failed = reject;
    });
    // A failed HTML rejects it before the page awaits it: handled there, not reported as unhandled.
    ready.catch(() => {});
    // The kept print, known before the page is inspected (print-edition.ts): finished meanwhile.
    let early: (printed: Printed) => void = () => {};
    const kept = new Promise<Printed>((resolve) => {
      early = resolve;
    });
    // A draft (the preview) waits for the whole print stage, inspection included, as before:
    // its settled render ran into a stall in the full test suite when it did not.
    const printing = session && !options.htmlOnly ? printStage(job, session, ready, options.draft ? () => {} : early) : undefined;
    // Settled here if the HTML fails (the page is closed, the job reports the HTML's error).
    printing?.catch(() => {});
    // The tab's creation is asked of Chromium before this process is busy rendering.
    if (printing) await new Promise((r) => setImmediate(r));
    let first: EditionHtml;
    let printFile: string;
    const renderFirst = (from: StartingPoint) =>
      job.timed("html", async () => from.html ?? (await render(job, { pageNumbers: numbers(from.hint), ...from.seed })));
    let key: string | undefined;
    try {
      first = await renderFirst(start);
      printFile = await staged.stagePath(result.html);
      if (last && session) {
        key = keyWith(await session.version());
        if (key !== keyWith(last.chromium)) {
          const again = await last.start(key, draft);
          if (!sameStart(start, again)) first = await renderFirst(again);
          start = again;
        }
      }
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
    const { hint, seed } = start;
    // A rebuild's print most often keeps its HTML: the web edition is made from it meanwhile (job-stages.ts).
    const whilePrinting = start.html && start.print ? () => earlyWebEdition(job, first.html) : undefined;
    rendered({ printFile, hint, seed, kept: start.print, whilePrinting });
    // The cover's tab is readied while the edition prints, unless the last build's
    // cover will do (its HTML is this one): this process is mostly waiting then,
    // and answers the tab's set-up at once, which it cannot while it finishes.
    // With more jobs, each tab readied would hold the drawings' turn (draw-pages.ts) until its
    // job has finished, and the next job's cover would wait for it: drawn when ready instead.
    if (!options.pdfOnly && job.profile === "digital" && !start.html && options.alone) prepared = prepareDrawing(session);
    // Its modules load on the second core while this one waits for the print.
    if (!options.pdfOnly && !start.html) warmCheckThread();
    // Made while Chromium prints: the labels, and the open data of the edition, written beside the PDF and attached to it.
    const labels = loadLabels(edition.edition.language, paths.templates);
    const data = editionData(edition, paths.templates);
    // Whichever comes first: the kept print, or the print's failure.
    const printed = options.draft ? await printing : await Promise.race([kept, printing]);
    result.blockedRequests = printed.blocked;
    result.pageNumbers = printed.pageNumbers;
    result.prints = printed.prints;
    if (options.keepPrint) result.printed = printed.pdf;
    // The HTML kept beside the PDF is the one it was printed from, numbers included.
    // The last pass's HTML when the print it made held its numbers; else rendered with them.
    const passed = job.lastRender?.key === renderKey(printed.pageNumbers, printed.keepWhole, printed.css) ? job.lastRender.html : undefined;
    const final = sameRender(hint, seed, printed)
      ? first
      : (passed ?? (await render(job, { pageNumbers: numbers(printed.pageNumbers), keepWhole: printed.keepWhole, css: printed.css })));
    await staged.writeStaged(printFile, final.html);
    result.chromium = await session.version();
    // A rebuild whose raw print is the last build's takes what followed it from there (finish-memo.ts).
    job.memo = await FinishMemo.open(job.base, printed.pdf, key);
    const finished = await finishStage(job, printed, final, labels, dataAttachments(data));
    // Drawn in Chromium while the two checks below run here.
    drawing = options.pdfOnly ? undefined : coverStage(job, finished, session, prepared);
    // The conformance check runs in its thread while the PDF preflight runs here (check-thread.ts).
    const conforming = options.pdfOnly ? undefined : conformanceStage(job, finished);
    // The page's inspection, which ran in Chromium while this process finished.
    const inspected = await printing;
    if (key) result.typeset = { key, keepWhole: printed.keepWhole, css: printed.css, html: htmlRecord(final), print: inspected.kept };
    if (!(await preflightStage(job, inspected, final, finished, labels))) {
      await Promise.all([drawing?.catch(() => {}), conforming?.catch(() => {})]);
      await staged.discard();
      return result;
    }
    if (conforming) await conformanceVerdict(job, await conforming);
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
    prepared?.cancel();
    await drawing?.catch(() => {});
    await staged.discard();
    throw err;
  } finally {
    // A tab readied for a cover that was not drawn (a failed stage, or the last build's cover kept) is closed.
    prepared?.cancel();
    done();
  }
}
