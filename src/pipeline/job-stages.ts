// The stages of one job after it has printed, one function each, named as
// the build prints them (finish, preflight-pdf, conformance, write): build-job.ts
// calls them in order. What they share is the Job: its edition, options,
// staged files and the result they fill in.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserSession } from "../browser/browser-session.js";
import { type ConformanceResult, conformanceStandards, rulesCheckedCount } from "../conformance/check-pdf.js";
import type { PreparedDrawing } from "../images/draw-pages.js";
import { coverImage, type PageImage } from "../images/page-images.js";
import type { Edition } from "../manifest/edition-schema.js";
import type { LoadedEdition } from "../manifest/load.js";
import type { Attachment } from "../pdf/attachments.js";
import { type FinishedPdf, finishPdf } from "../pdf/finish.js";
import { inspectPdf } from "../preflight/inspect-pdf.js";
import { blockingFindings, sortFindings } from "../preflight/rules.js";
import type { EditionHtml } from "../render/edition-html.js";
import type { StagedFiles } from "../runtime/atomic-write.js";
import type { Labels } from "../sections/labels.js";
import { pageStartAnchors } from "../typeset/page-start.js";
import { COVER_WIDTH, coverFileName, webEdition, webFileName } from "../web/web-output.js";
import type { BuildOptions, JobResult, Profile } from "./build-types.js";
import { checkConformanceOffThread } from "./check-thread.js";
import type { editionData } from "./data-output.js";
import type { FinishMemo } from "./finish-memo.js";
import type { Printed } from "./print-edition.js";
import { reportJson } from "./report-json.js";
import { packageTitle, toolName, toolVersion } from "./version.js";

export interface Job {
  loaded: LoadedEdition;
  edition: Edition;
  options: Required<Pick<BuildOptions, "paths" | "outputDir">> & BuildOptions;
  profile: Profile;
  /** Output path without extension: <out>/<id>/<id>-<lang>[-print]. */
  base: string;
  htmlDir: string;
  /** The manifest as the reporter names the job. */
  label: string;
  staged: StagedFiles;
  result: JobResult;
  timed: <T>(stage: string, fn: () => Promise<T> | T) => Promise<T>;
  /** Finishing, PDF preflight and conformance, taken from the last build when its raw print was this one. */
  memo?: FinishMemo;
  /** A web edition made while Chromium printed (earlyWebEdition), used if its guesses held. */
  earlyWeb?: EarlyWeb;
}

interface EarlyWeb {
  html: string;
  cover: { width: number; height: number } | undefined;
  page: string;
}

const webPage = (job: Job, html: string, cover: { width: number; height: number } | undefined) =>
  webEdition(
    job.edition,
    html,
    { htmlDir: job.htmlDir, assetsDir: job.options.paths.assets, templatesDir: job.options.paths.templates },
    cover,
  );

/**
 * A rebuild's web edition, made while Chromium prints (this process waits
 * then; at the write it would wait for this): from the HTML the last build
 * kept, which a rebuild's print most often keeps too, and the size of the
 * last cover. writeStage uses it only if both held.
 */
export function earlyWebEdition(job: Job, html: string): void {
  if (job.profile !== "digital" || job.options.pdfOnly) return;
  // Any failure (no cover yet, an asset gone) leaves it to writeStage, which reports it.
  try {
    // IHDR: the width and height of every PNG are the big-endian words at bytes 16 and 20.
    const png = readFileSync(path.join(job.htmlDir, coverFileName(job.edition)));
    const cover = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    job.earlyWeb = { html, cover, page: webPage(job, html, cover) };
  } catch {}
}

function sourceDate(loaded: LoadedEdition, epoch: number | undefined): Date {
  if (epoch !== undefined) return new Date(epoch * 1000);
  return new Date(`${loaded.edition.edition.date}T00:00:00Z`);
}

/** finish: the printed PDF made a document (metadata, bookmarks, page labels, compaction). */
export function finishStage(
  job: Job,
  printed: Printed,
  final: EditionHtml,
  labels: Labels,
  attachments: Attachment[],
): Promise<FinishedPdf> {
  const { edition, result, profile, options } = job;
  const finish = job.memo ? job.memo.finishPdf.bind(job.memo) : finishPdf;
  return job.timed("finish", () =>
    finish(printed.pdf, {
      title: edition.edition.title ?? `${edition.edition.publication} — ${edition.edition.label}`,
      author: edition.edition.publisher,
      subject: edition.edition.subject,
      keywords: edition.edition.keywords ?? [],
      language: edition.edition.language,
      creator: `${toolName} ${toolVersion}`,
      producer: `${result.chromium} (Skia/PDF); ${packageTitle("pdf-lib")}`,
      date: sourceDate(job.loaded, options.sourceDateEpoch),
      headings: final.headings,
      hasCover: edition.sections[0]?.type === "cover",
      hasBackCover: edition.sections[edition.sections.length - 1]?.type === "back-cover",
      coverLabel: labels.cover,
      backCoverLabel: labels.back_cover,
      printMarks: profile === "print" ? { paintedBleed: printed.bleed } : undefined,
      compact: !options.draft,
      attachments,
    }),
  );
}

/**
 * preflight-pdf: the finished PDF judged, with what the page showed. Returns
 * false when errors that --allow does not name block the job: it writes nothing,
 * so the previous PDF stays as it was.
 */
export async function preflightStage(
  job: Job,
  printed: Printed,
  final: EditionHtml,
  finished: FinishedPdf,
  labels: Labels,
): Promise<boolean> {
  const { edition, result, options } = job;
  if (!printed.inspection) return true;
  const found = printed.inspection;
  const geometry = found.geometry.pages[""];
  const inspect = job.memo ? job.memo.inspectPdf.bind(job.memo) : inspectPdf;
  const fromPdf = await job.timed("preflight-pdf", () =>
    inspect(finished.bytes, {
      language: edition.edition.language,
      headings: final.headings,
      area: {
        top: (geometry.margins.top - found.geometry.bleed) * 0.75,
        bottom: (geometry.margins.bottom - found.geometry.bleed) * 0.75,
      },
      ownPages: new Set([
        ...finished.pageLabels.flatMap((l, i) => (l === labels.cover || l === labels.back_cover ? [i + 1] : [])),
        // Only sections that open a page by design may leave it short (src/typeset/page-start.ts).
        ...pageStartAnchors(final.html).map((a) => printed.pageNumbers[a] ?? 0),
      ]),
      families: found.families,
      pageFindings: found.findings,
    }),
  );
  result.preflight = sortFindings([...found.findings, ...fromPdf]);
  const blocking = blockingFindings(result.preflight, options.allow);
  options.reporter?.preflight?.(job.label, result.preflight, blocking);
  return blocking.length === 0;
}

/**
 * conformance: the claims are checked before anything is written; a PDF that
 * fails a rule it claims is not kept. Started with the PDF preflight and run in
 * the check thread (check-thread.ts) while the preflight runs here; judged by
 * conformanceVerdict() once the preflight has said what it allows.
 */
export function conformanceStage(job: Job, finished: FinishedPdf): Promise<ConformanceResult> {
  const claimed = conformanceStandards(finished.standards);
  const check = job.memo ? job.memo.checkConformance.bind(job.memo) : checkConformanceOffThread;
  const checking = job.timed("conformance", () => check(finished.bytes, claimed));
  // Awaited by the verdict, or only settled when the preflight blocks: never an unhandled rejection.
  checking.catch(() => {});
  return checking;
}

export async function conformanceVerdict(job: Job, conformance: ConformanceResult): Promise<void> {
  const { result, staged } = job;
  result.conformance = {
    standards: conformance.standards,
    findings: conformance.findings,
    rulesChecked: rulesCheckedCount(conformance.checked),
  };
  // Preflight errors the run was told to allow (--allow) stand for a PDF known to be
  // imperfect: what it fails of its claims is then recorded in the report, not refused.
  const allowedErrors = (result.preflight ?? []).some((f) => f.severity === "error");
  if (conformance.findings.length && !allowedErrors) {
    await staged.discard();
    const list = conformance.findings.map(
      (f) => `${f.standard} ${f.rule}${f.page ? ` p. ${f.page}` : ""}${f.object ? ` ${f.object}` : ""}: ${f.message}`,
    );
    throw new Error(`${job.label}: the PDF fails ${list.length} rule(s) of what it claims:\n  ${list.slice(0, 20).join("\n  ")}`);
  }
}

/**
 * cover: the web edition's sharing image, the PDF's first page drawn by
 * Chromium. Its tab is made and pdf.js loaded in it while finishing runs
 * (prepared); it needs only the finished bytes, so it is drawn as soon as they
 * exist, in the browser's processes, while the PDF preflight and the
 * conformance check run in this one; write awaits it. The print-shop profile has none.
 */
export function coverStage(
  job: Job,
  finished: FinishedPdf,
  session?: BrowserSession,
  prepared?: PreparedDrawing,
): Promise<PageImage> | undefined {
  if (job.profile !== "digital") return undefined;
  const file = path.join(job.htmlDir, coverFileName(job.edition));
  const draw = () => coverImage(finished.bytes, COVER_WIDTH, session, prepared);
  const drawn = job.timed("cover", () => (job.memo ? job.memo.coverImage(finished.bytes, COVER_WIDTH, file, draw) : draw()));
  // Awaited by write, or only settled when a stage between fails: never an unhandled rejection.
  drawn.catch(() => {});
  return drawn;
}

/** write: the PDF, its open data, the web edition and the report, committed together. */
export async function writeStage(
  job: Job,
  finished: FinishedPdf,
  final: EditionHtml,
  data: ReturnType<typeof editionData>,
  dataFolder: string,
  drawing?: Promise<PageImage>,
): Promise<void> {
  const { result, staged, edition, profile, base, htmlDir, options } = job;
  result.pdf = `${base}.pdf`;
  result.report = `${base}.report.json`;
  result.pages = finished.pages;
  result.bytes = finished.bytes.length;
  result.sha256 = createHash("sha256").update(finished.bytes).digest("hex");
  result.bookmarks = finished.bookmarks;
  result.standards = finished.standards;
  result.pageLabels = finished.pageLabels;
  if (job.memo) result.finishing = job.memo.record();
  result.data = data.map((f) => path.join(dataFolder, f.name));
  // The web edition reads the digital print; its sharing image is the PDF's cover (coverStage).
  const cover = await drawing;
  await job.timed("write", async () => {
    await staged.write(result.pdf as string, finished.bytes);
    for (const f of data) await staged.write(path.join(dataFolder, f.name), f.bytes);
    if (profile === "digital" && !options.pdfOnly) {
      result.web = path.join(htmlDir, webFileName(edition));
      if (cover) {
        result.cover = path.join(htmlDir, coverFileName(edition));
        await staged.write(result.cover, cover.png);
      }
      const early = job.earlyWeb;
      const held = early?.html === final.html && early.cover?.width === cover?.width && early.cover?.height === cover?.height;
      await staged.write(result.web, held && early ? early.page : webPage(job, final.html, cover));
    }
    await staged.write(result.report as string, `${JSON.stringify(reportJson(result), null, 2)}\n`);
    await staged.commit(options.signal);
  });
}
