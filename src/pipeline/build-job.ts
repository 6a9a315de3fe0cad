// One job: one manifest -> HTML -> PDF -> finished PDF, preflight, files.
// Nothing is written in place until every step succeeded.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserSession } from "../browser/browser-session.js";
import { checkConformance, conformanceStandards, rulesCheckedCount } from "../conformance/check-pdf.js";
import { previousEditionsFor } from "../diff/previous-editions.js";
import { coverImage } from "../images/page-images.js";
import type { LoadedEdition } from "../manifest/load.js";
import { finishPdf } from "../pdf/finish.js";
import { inspectPdf } from "../preflight/inspect-pdf.js";
import { blockingFindings, sortFindings } from "../preflight/rules.js";
import { renderEditionHtml } from "../render/edition-html.js";
import { loadLabels } from "../render/labels.js";
import { hyphenPolicy, isProtectedWord } from "../render/word-policy.js";
import { pageStartAnchors } from "../typeset/page-start.js";
import { COVER_WIDTH, coverFileName, webEdition, webFileName } from "../web/web-output.js";
import { StagedFiles } from "./atomic-write.js";
import type { BuildOptions, JobResult, Profile } from "./build-types.js";
import { dataAttachments, dataDir, editionData } from "./data-output.js";
import { type HistoryLoader, historyLoader } from "./history-cache.js";
import { printEdition } from "./print-edition.js";
import { reportJson } from "./report-json.js";
import { type TypesetInputs, typesetInputs, typesetKey, typesetSeed } from "./typeset-memo.js";
import { packageTitle, toolName, toolVersion } from "./version.js";

export type JobOptions = Required<Pick<BuildOptions, "paths" | "outputDir">> &
  BuildOptions & {
    /** Shared by the jobs of one run, so each earlier edition is parsed once (history-cache.ts). */
    history?: HistoryLoader;
    /** The digests of the run's inputs, computed once for all its jobs. */
    inputs?: Promise<TypesetInputs>;
  };

function outputBase(outputDir: string, loaded: LoadedEdition, profile: Profile): string {
  const { id, language } = loaded.edition.edition;
  // The digital edition keeps its name; the print-shop file is <id>-<lang>-print.pdf.
  return path.join(outputDir, id, `${id}-${language}${profile === "print" ? "-print" : ""}`);
}

function sourceDate(loaded: LoadedEdition, epoch: number | undefined): Date {
  if (epoch !== undefined) return new Date(epoch * 1000);
  return new Date(`${loaded.edition.edition.date}T00:00:00Z`);
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

export async function buildJob(loaded: LoadedEdition, options: JobOptions, session?: BrowserSession): Promise<JobResult> {
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
  const previousEditions = await previousEditionsFor(loaded, paths.editions);
  const historyEditions = await (options.history ?? historyLoader(paths.editions))(loaded);
  const htmlOptions = {
    templatesDir: paths.templates,
    assetsDir: paths.assets,
    htmlDir,
    profile,
    previousEditions,
    historyEditions,
    draft: options.draft,
  };
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
    const hint = options.htmlOnly || !session ? undefined : await lastPageNumbers(base);
    const key =
      session && !options.htmlOnly
        ? typesetKey(await (options.inputs ?? typesetInputs(paths)), paths, loaded.file, profile, await session.version())
        : undefined;
    const seed = key ? await typesetSeed(`${base}.report.json`, key, options.draft === true) : undefined;
    const first = await timed("html", () =>
      renderEditionHtml(edition, { ...htmlOptions, pageNumbers: hint && new Map(Object.entries(hint)), ...seed }),
    );
    const printFile = await staged.stagePath(result.html);
    await staged.writeStaged(printFile, first.html);
    if (options.htmlOnly || !session) {
      await staged.commit(options.signal);
      options.reporter?.file?.(label, path.relative(process.cwd(), result.html));
      return result;
    }
    const policy = hyphenPolicy(edition, paths.templates);
    const printed = await session.withPage((page) =>
      printEdition(page, {
        htmlFile: printFile,
        allowedRoots: [paths.templates, paths.assets, path.join(paths.root, "node_modules", "@fontsource"), htmlDir],
        language: edition.edition.language,
        hint,
        print: profile === "print",
        preflight: options.preflight !== false,
        timed,
        seed,
        retypeset: {
          render: async (keepWhole, css, pageNumbers) => {
            const again = renderEditionHtml(edition, { ...htmlOptions, pageNumbers: new Map(Object.entries(pageNumbers)), keepWhole, css });
            await staged.writeStaged(printFile, again.html);
          },
          isName: (word) => isProtectedWord(word, policy),
        },
      }),
    );
    result.blockedRequests = printed.blocked;
    result.pageNumbers = printed.pageNumbers;
    if (key) result.typeset = { key, keepWhole: printed.keepWhole, css: printed.css };
    // The HTML kept beside the PDF is the one it was printed from, numbers included.
    const final = renderEditionHtml(edition, {
      ...htmlOptions,
      pageNumbers: new Map(Object.entries(printed.pageNumbers)),
      keepWhole: printed.keepWhole,
      css: printed.css,
    });
    await staged.writeStaged(printFile, final.html);
    const labels = loadLabels(edition.edition.language, paths.templates);
    // The open data of the edition, written beside the PDF and attached to it.
    const data = editionData(edition, paths.templates);
    result.chromium = await session.version();
    const finished = await timed("finish", () =>
      finishPdf(printed.pdf, {
        title: edition.edition.title ?? `${edition.edition.publication} — ${edition.edition.label}`,
        author: edition.edition.publisher,
        subject: edition.edition.subject,
        keywords: edition.edition.keywords ?? [],
        language: edition.edition.language,
        creator: `${toolName} ${toolVersion}`,
        producer: `${result.chromium} (Skia/PDF); ${packageTitle("pdf-lib")}`,
        date: sourceDate(loaded, options.sourceDateEpoch),
        headings: final.headings,
        hasCover: edition.sections[0]?.type === "cover",
        hasBackCover: edition.sections[edition.sections.length - 1]?.type === "back-cover",
        coverLabel: labels.cover,
        backCoverLabel: labels.back_cover,
        printMarks: profile === "print" ? { paintedBleed: printed.bleed } : undefined,
        compact: !options.draft,
        attachments: dataAttachments(data),
      }),
    );
    if (printed.inspection) {
      const found = printed.inspection;
      const geometry = found.geometry.pages[""];
      const fromPdf = await timed("preflight-pdf", () =>
        inspectPdf(finished.bytes, {
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
      options.reporter?.preflight?.(label, result.preflight, blocking);
      // Errors: the job writes nothing, so the previous PDF stays as it was.
      if (blocking.length) {
        await staged.discard();
        return result;
      }
    }
    // The claims are checked before anything is written: a PDF that fails a rule it claims is not kept.
    const claimed = conformanceStandards(finished.standards);
    const conformance = await timed("conformance", () => checkConformance(finished.bytes, claimed));
    result.conformance = { standards: claimed, findings: conformance.findings, rulesChecked: rulesCheckedCount(conformance.checked) };
    // Preflight errors the run was told to allow (--allow) stand for a PDF known to be
    // imperfect: what it fails of its claims is then recorded in the report, not refused.
    const allowedErrors = (result.preflight ?? []).some((f) => f.severity === "error");
    if (conformance.findings.length && !allowedErrors) {
      await staged.discard();
      const list = conformance.findings.map(
        (f) => `${f.standard} ${f.rule}${f.page ? ` p. ${f.page}` : ""}${f.object ? ` ${f.object}` : ""}: ${f.message}`,
      );
      throw new Error(`${label}: the PDF fails ${list.length} rule(s) of what it claims:\n  ${list.slice(0, 20).join("\n  ")}`);
    }
    result.pdf = `${base}.pdf`;
    result.report = `${base}.report.json`;
    result.pages = finished.pages;
    result.bytes = finished.bytes.length;
    result.sha256 = createHash("sha256").update(finished.bytes).digest("hex");
    result.bookmarks = finished.bookmarks;
    result.standards = finished.standards;
    result.pageLabels = finished.pageLabels;
    const folder = dataDir(outputDir, edition);
    result.data = data.map((f) => path.join(folder, f.name));
    // The web edition reads the digital print; the print-shop profile has none. Its sharing image is the PDF's cover.
    const cover = profile === "digital" ? await timed("cover", () => coverImage(finished.bytes, COVER_WIDTH)) : undefined;
    await timed("write", async () => {
      await staged.write(result.pdf as string, finished.bytes);
      for (const f of data) await staged.write(path.join(folder, f.name), f.bytes);
      if (profile === "digital") {
        result.web = path.join(htmlDir, webFileName(edition));
        if (cover) {
          result.cover = path.join(htmlDir, coverFileName(edition));
          await staged.write(result.cover, cover.png);
        }
        const dirs = { htmlDir, assetsDir: paths.assets, templatesDir: paths.templates };
        await staged.write(result.web, webEdition(edition, final.html, dirs, cover));
      }
      await staged.write(result.report as string, `${JSON.stringify(reportJson(result), null, 2)}\n`);
      await staged.commit(options.signal);
    });
    options.reporter?.file?.(label, path.relative(process.cwd(), result.pdf));
    options.reporter?.file?.(label, path.relative(process.cwd(), folder));
    return result;
  } catch (err) {
    await staged.discard();
    throw err;
  }
}
