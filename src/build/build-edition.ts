// The one build function: typed options in, files and a report out. The CLI,
// the preview server, the benchmark and the tests all call it.
import { createHash } from "node:crypto";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { BrowserSession } from "../browser/browser-session.js";
import { loadForPrint, printPdf, setContentsPages } from "../browser/print-page.js";
import { checkFile, selectManifests } from "../manifest/check-editions.js";
import type { ManifestFile } from "../manifest/discover.js";
import type { LoadedEdition } from "../manifest/load.js";
import type { Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { type ProjectPaths, projectPaths } from "../paths.js";
import { namedDestinations } from "../pdf/destinations.js";
import { finishPdf } from "../pdf/finish.js";
import { renderEditionHtml } from "../render/edition-html.js";
import { flattenHeadings } from "../render/headings.js";
import { loadLabels } from "../render/labels.js";
import { StagedFiles } from "./atomic-write.js";
import { mapLimit } from "./map-limit.js";
import { packageVersion, toolName, toolVersion } from "./version.js";

export interface BuildOptions {
  paths?: ProjectPaths;
  /** Edition ids (YYYY-MM); none means the latest edition. */
  editions?: string[];
  all?: boolean;
  language?: Language;
  /** Write the HTML only, without a browser. */
  htmlOnly?: boolean;
  /** Where output/<id>/ folders go; defaults to the project's output/. */
  outputDir?: string;
  /** Overrides the edition date for the PDF's dates (reproducible-builds convention). */
  sourceDateEpoch?: number;
  /** Editions printed at once with the shared browser. */
  concurrency?: number;
  /** A browser to borrow (the preview keeps one open); otherwise one is launched for this run. */
  session?: BrowserSession;
  reporter?: BuildReporter;
  /** digital (default: links live, no marks) or print (3 mm bleed, TrimBox and BleedBox, crop marks). */
  profile?: Profile;
}

export type Profile = "digital" | "print";

export interface BuildReporter {
  stage?(job: string, stage: string, ms: number): void;
  file?(input: string, output: string): void;
}

export interface JobResult {
  id: string;
  language: Language;
  manifest: string;
  html: string;
  pdf?: string;
  report?: string;
  pages?: number;
  bytes?: number;
  sha256?: string;
  bookmarks?: number;
  pageLabels?: string[];
  /** Printed page of every heading anchor. */
  pageNumbers?: Record<string, number>;
  blockedRequests: string[];
  timings: Record<string, number>;
  chromium?: string;
}

export interface BuildResult {
  jobs: JobResult[];
  ms: number;
}

function outputBase(outputDir: string, loaded: LoadedEdition, profile: Profile): string {
  const { id, language } = loaded.edition.edition;
  // The digital edition keeps its name; the print-shop file is <id>-<lang>-print.pdf.
  return path.join(outputDir, id, `${id}-${language}${profile === "print" ? "-print" : ""}`);
}

function sourceDate(loaded: LoadedEdition, epoch: number | undefined): Date {
  if (epoch !== undefined) return new Date(epoch * 1000);
  return new Date(`${loaded.edition.edition.date}T00:00:00Z`);
}

async function timed<T>(timings: Record<string, number>, stage: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timings[stage] = Math.round(performance.now() - start);
  }
}

async function buildOne(
  loaded: LoadedEdition,
  options: Required<Pick<BuildOptions, "paths" | "outputDir">> & BuildOptions,
  session?: BrowserSession,
): Promise<JobResult> {
  const { paths, outputDir } = options;
  const edition = loaded.edition;
  const profile = options.profile ?? "digital";
  const base = outputBase(outputDir, loaded, profile);
  const htmlDir = path.dirname(base);
  const label = path.relative(process.cwd(), loaded.file);
  const timings: Record<string, number> = {};
  const report = (stage: string) => options.reporter?.stage?.(label, stage, timings[stage]);
  const htmlOptions = { templatesDir: paths.templates, assetsDir: paths.assets, htmlDir, profile };
  const staged = new StagedFiles();
  const result: JobResult = {
    id: edition.edition.id,
    language: edition.edition.language,
    manifest: loaded.file,
    html: `${base}.html`,
    blockedRequests: [],
    timings,
  };
  try {
    const first = await timed(timings, "html", () => renderEditionHtml(edition, htmlOptions));
    report("html");
    if (options.htmlOnly || !session) {
      await staged.write(result.html, first.html);
      await staged.commit();
      options.reporter?.file?.(label, path.relative(process.cwd(), result.html));
      return result;
    }
    const printFile = await staged.stagePath(result.html);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(printFile, first.html);
    const raw = await session.withPage(async (page) => {
      const loadedPage = await timed(timings, "load", () =>
        loadForPrint(page, {
          htmlFile: printFile,
          allowedRoots: [paths.templates, paths.assets, path.join(paths.root, "node_modules", "@fontsource"), htmlDir],
        }),
      );
      report("load");
      result.blockedRequests = loadedPage.blocked;
      // The first print (untagged: faster, same layout) finds the page of every
      // heading; the contents page shows them in the second, tagged print. The
      // numbers take no more room than the blanks, so the pages do not move;
      // a third print only if they did.
      const first = await timed(timings, "print", () => printPdf(page, { tagged: false }));
      report("print");
      let pages = await pagesOfHeadings(first);
      let pdf: Uint8Array | undefined;
      for (let pass = 0; pass < 2 && !pdf; pass++) {
        await setContentsPages(page, pages);
        const printed = await timed(timings, pass ? "print-again" : "print-contents", () => printPdf(page));
        const again = await pagesOfHeadings(printed);
        if (JSON.stringify(again) === JSON.stringify(pages) || pass === 1) pdf = printed;
        pages = again;
      }
      report("print-contents");
      result.pageNumbers = pages;
      return pdf as Uint8Array;
    });
    // The HTML kept beside the PDF is the one it was printed from, numbers included.
    const final = renderEditionHtml(edition, { ...htmlOptions, pageNumbers: new Map(Object.entries(result.pageNumbers ?? {})) });
    await writeFile(printFile, final.html);
    const labels = loadLabels(edition.edition.language, paths.templates);
    const chromium = await session.version();
    result.chromium = chromium;
    const finished = await timed(timings, "finish", () =>
      finishPdf(raw, {
        title: edition.edition.title ?? `${edition.edition.publication} — ${edition.edition.label}`,
        author: edition.edition.publisher,
        subject: edition.edition.subject,
        keywords: edition.edition.keywords ?? [],
        language: edition.edition.language,
        creator: `${toolName} ${toolVersion}`,
        producer: `${chromium} (Skia/PDF); pdf-lib ${packageVersion("pdf-lib")}`,
        date: sourceDate(loaded, options.sourceDateEpoch),
        headings: final.headings,
        hasCover: edition.sections[0]?.type === "cover",
        hasBackCover: edition.sections[edition.sections.length - 1]?.type === "back-cover",
        coverLabel: labels.cover,
        backCoverLabel: labels.back_cover,
      }),
    );
    report("finish");
    result.pdf = `${base}.pdf`;
    result.report = `${base}.report.json`;
    result.pages = finished.pages;
    result.bytes = finished.bytes.length;
    result.sha256 = createHash("sha256").update(finished.bytes).digest("hex");
    result.bookmarks = finished.bookmarks;
    result.pageLabels = finished.pageLabels;
    await timed(timings, "write", async () => {
      await staged.write(result.pdf as string, finished.bytes);
      await staged.write(result.report as string, `${JSON.stringify(reportJson(result), null, 2)}\n`);
      await staged.commit();
    });
    report("write");
    options.reporter?.file?.(label, path.relative(process.cwd(), result.pdf));
    return result;
  } catch (err) {
    await staged.discard();
    throw err;
  }
}

async function pagesOfHeadings(pdf: Uint8Array): Promise<Record<string, number>> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages: Record<string, number> = {};
  for (const [name, dest] of namedDestinations(doc)) pages[name] = dest.pageIndex + 1;
  return pages;
}

function reportJson(r: JobResult) {
  return {
    edition: r.id,
    language: r.language,
    manifest: path.relative(projectPaths.root, r.manifest),
    pdf: r.pdf && path.basename(r.pdf),
    html: path.basename(r.html),
    pages: r.pages,
    bytes: r.bytes,
    sha256: r.sha256,
    bookmarks: r.bookmarks,
    pageLabels: r.pageLabels,
    pageNumbers: r.pageNumbers,
    blockedRequests: r.blockedRequests,
    chromium: r.chromium,
    tool: `${toolName} ${toolVersion}`,
    // Timings vary run to run; they live in the report, never in the PDF.
    timingsMs: r.timings,
  };
}

/** Every selected manifest is validated before anything is printed; all problems are reported at once. */
async function loadSelected(paths: ProjectPaths, options: BuildOptions): Promise<LoadedEdition[]> {
  const select = { editionsDir: paths.editions, language: options.language };
  const files: ManifestFile[] = [];
  if (options.all) files.push(...(await selectManifests({ ...select, all: true })));
  else if (options.editions?.length)
    for (const id of new Set(options.editions)) files.push(...(await selectManifests({ ...select, edition: id })));
  else files.push(...(await selectManifests(select)));
  const checks = await Promise.all(files.map((f) => checkFile(f)));
  const problems = checks.flatMap((c) => c.problems);
  if (problems.length) throw new ManifestError(problems);
  return checks.map((c) => ({ file: c.file, edition: c.parsed as NonNullable<typeof c.parsed>, source: c.source }));
}

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const start = performance.now();
  const paths = options.paths ?? projectPaths;
  const outputDir = options.outputDir ?? paths.output;
  // Chromium takes the longest to start: launch it while the manifests are read.
  const own = !options.htmlOnly && !options.session ? new BrowserSession() : undefined;
  own?.prelaunch();
  try {
    const loaded = await loadSelected(paths, options);
    const session = options.htmlOnly ? undefined : (options.session ?? own);
    const jobs = await mapLimit(loaded, options.concurrency ?? 2, (l) => buildOne(l, { ...options, paths, outputDir }, session));
    return { jobs, ms: Math.round(performance.now() - start) };
  } finally {
    await own?.close();
  }
}

export { flattenHeadings };
