// Prints the editions being viewed with the one long-lived browser, in two
// steps a save. First the kept page (kept-page.ts) prints the save as it
// stands, with the last build's typesetting decisions, and that print is
// shown at once, marked unsettled. Then the same build() as `npm run
// build:edition -- --draft` (same templates, styles, fonts, page breaks,
// typesetting passes and finishing) makes the PDF that replaces it: the
// preview settles on the build's PDF, so it cannot disagree with it. Each
// render carries a fingerprint per page, so the client repaints only the
// pages that changed. The last good PDF of each target stays in memory; a
// failure is kept beside the last settled one, not in its place.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserSession } from "../browser/browser-session.js";
import type { ProjectPaths } from "../paths.js";
import { build } from "../pipeline/build-edition.js";
import { blockingFindings, type Finding, RULE_IDS, sortFindings } from "../preflight/rules.js";
import { loadPdf } from "../runtime/load-pdf.js";
import { KeptPage, type SettledDecisions } from "./kept-page.js";
import { type PageGeometry, readPageGeometry } from "./page-geometry.js";
import { pageHashes } from "./page-hashes.js";
import { describeFailure, type PreviewFailure } from "./problem-report.js";
import { type Target, targetKey } from "./targets.js";

export interface GoodRender {
  /** Bumped each time the PDF's bytes change; the client asks for /pdf/...?v=<version>. */
  version: number;
  pdf: Uint8Array;
  sha256: string;
  pages: number;
  pageLabels: string[];
  /** Pages printed on the `cover` named page (cover and back cover): no margins, no heads. */
  coverPages: number[];
  geometry: PageGeometry;
  /** What preflight found in this PDF, page by page. */
  findings: PreviewFinding[];
  /** The print profile's trim on the page shown (its crop box, bleed and marks included), in mm from the top left. */
  trim?: TrimBox;
  ms: number;
  /** false for the first print of a save, shown while the build runs; true for the build's PDF. */
  settled: boolean;
  /** A fingerprint of each page's drawing (page-hashes.ts): the client repaints the pages whose fingerprint changed. */
  pageHashes: string[];
}

export interface TrimBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** How far the bleed box reaches past the trim. */
  bleed: number;
}

const PT_TO_MM = 25.4 / 72;

/** How long the build waits after a first print is shown, so the tab can paint it first. */
const PAINT_MS = 150;

/** Where the trim sits on the page a viewer draws (the crop box): the outlines are drawn on the trim. */
async function trimOf(pdf: Uint8Array): Promise<TrimBox | undefined> {
  const page = (await loadPdf(pdf)).getPages()[0];
  if (!page) return undefined;
  const [crop, trim, bleed] = [page.getCropBox(), page.getTrimBox(), page.getBleedBox()];
  const mm = (v: number) => Math.round(v * PT_TO_MM * 100) / 100;
  return {
    x: mm(trim.x - crop.x),
    y: mm(crop.y + crop.height - (trim.y + trim.height)),
    width: mm(trim.width),
    height: mm(trim.height),
    bleed: mm(trim.x - bleed.x),
  };
}

/** A preflight finding as the preview shows it: `refused` when `build:edition` would refuse the PDF for it. */
export type PreviewFinding = Finding & { refused: boolean };

/** What the client is told about a target: everything but the PDF's bytes. */
export interface TargetSnapshot {
  id: string;
  language: string;
  rendering: boolean;
  version?: number;
  pages?: number;
  pageLabels?: string[];
  coverPages?: number[];
  geometry?: PageGeometry;
  findings?: PreviewFinding[];
  trim?: TrimBox;
  profile?: "print";
  ms?: number;
  settled?: boolean;
  pageHashes?: string[];
  failure?: PreviewFailure;
}

export type RenderEvent =
  | { type: "rendering"; key: string }
  | { type: "rendered"; key: string; snapshot: TargetSnapshot; changed: boolean }
  | { type: "failed"; key: string; snapshot: TargetSnapshot };

interface TargetState {
  target: Target;
  rendering: boolean;
  /** What is shown: the build's PDF, or the first print of a save made since. */
  good?: GoodRender;
  /** The last build's PDF, and the decisions the next first print is made with. */
  settled?: { render: GoodRender; decisions: SettledDecisions };
  kept?: KeptPage;
  failure?: PreviewFailure;
}

/** What a render is told about the saves it answers. */
export interface RenderHints {
  /** Only stylesheets were saved: the kept page prints its HTML again with them, without rendering it again. */
  stylesOnly?: boolean;
}

export interface RendererOptions {
  paths: ProjectPaths;
  /** Private output folder: the project's output/ is never touched. */
  outputDir: string;
  session: BrowserSession;
  onEvent(event: RenderEvent): void;
  /** After a failure that is not the files' fault (the browser crashed or hung), before the next render. */
  recover?(): Promise<void>;
  /** A newer save of this target waits: its first print is worth more than this one's build. */
  superseded?(key: string): boolean;
}

/** Puppeteer's errors for a browser that crashed, closed or stopped answering. */
function isBrowserFailure(err: unknown): boolean {
  const e = err as Error | undefined;
  return (
    ["TargetCloseError", "ProtocolError", "TimeoutError"].includes(e?.name ?? "") ||
    /Target closed|Connection closed|Session closed/i.test(e?.message ?? "")
  );
}

/** The findings in page order, each marked with whether `build:edition` (no --allow) would refuse the PDF for it. */
export function previewFindings(findings: readonly Finding[]): PreviewFinding[] {
  const refused = new Set(blockingFindings(findings));
  return sortFindings(findings).map((f) => ({ ...f, refused: refused.has(f) }));
}

export class PreviewRenderer {
  private readonly states = new Map<string, TargetState>();

  constructor(private readonly options: RendererOptions) {}

  /** Keys of every target rendered so far. */
  keys(): string[] {
    return [...this.states.keys()];
  }

  has(key: string): boolean {
    return this.states.has(key);
  }

  pdf(key: string): GoodRender | undefined {
    return this.states.get(key)?.good;
  }

  snapshot(target: Target): TargetSnapshot {
    const state = this.states.get(targetKey(target));
    const good = state?.good;
    return {
      id: target.id,
      language: target.language,
      ...(target.profile && { profile: target.profile }),
      rendering: state?.rendering ?? false,
      ...(good && {
        version: good.version,
        pages: good.pages,
        pageLabels: good.pageLabels,
        coverPages: good.coverPages,
        geometry: good.geometry,
        findings: good.findings,
        ...(good.trim && { trim: good.trim }),
        ms: good.ms,
        settled: good.settled,
        pageHashes: good.pageHashes,
      }),
      ...(state?.failure && { failure: state.failure }),
    };
  }

  /** Render one target; never throws: a failure becomes the target's overlay. A crashed browser gets one retry in a new one. */
  async render(target: Target, hints: RenderHints = {}, retry = true): Promise<void> {
    const key = targetKey(target);
    const state = this.states.get(key) ?? { target, rendering: false };
    this.states.set(key, state);
    state.rendering = true;
    this.options.onEvent({ type: "rendering", key });
    const start = performance.now();
    // The tab fetches and paints a first print in about 0.1 s on a quiet
    // machine; a build started at once takes the two cores from it, and the
    // paint took 0.28 s (measure:preview). The build waits a little first.
    if (state.settled && (await this.firstPrint(state, hints, start))) await new Promise((r) => setTimeout(r, PAINT_MS));
    // A save made meanwhile is printed next: this build would be out of date when it settled.
    if (this.options.superseded?.(key)) {
      state.rendering = false;
      return;
    }
    try {
      await this.settle(state, start);
    } catch (err) {
      if (isBrowserFailure(err)) {
        state.kept?.drop();
        state.kept = undefined;
        if (this.options.recover) {
          await this.options.recover().catch(() => {});
          if (retry) return this.render(target, hints, false);
        }
      }
      state.failure = await describeFailure(err, this.options.paths.root);
      // The pages under the panel are the last build's, not a first print the build refused.
      if (state.settled && state.good && !state.good.settled) state.good = { ...state.settled.render, version: state.good.version + 1 };
      state.rendering = false;
      this.options.onEvent({ type: "failed", key, snapshot: this.snapshot(target) });
    }
  }

  /** The save printed in the kept page and shown, unsettled; anything it cannot do is left to the build to report. */
  private async firstPrint(state: TargetState, hints: RenderHints, start: number): Promise<boolean> {
    const { settled, kept } = state;
    if (!settled || !kept) return false;
    try {
      const raw = await kept.print(settled.decisions, hints.stylesOnly === true);
      if (!raw) return false;
      const last = settled.render;
      const doc = await loadPdf(raw);
      const pages = doc.getPageCount();
      const labels = pages === last.pages ? last.pageLabels : relabel(last.pageLabels, pages);
      state.good = {
        ...last,
        version: (state.good?.version ?? 0) + 1,
        pdf: raw,
        sha256: createHash("sha256").update(raw).digest("hex"),
        pages,
        pageLabels: labels,
        coverPages: coverPagesOf(labels),
        pageHashes: await pageHashes(doc),
        ms: Math.round(performance.now() - start),
        settled: false,
      };
      this.options.onEvent({ type: "rendered", key: targetKey(state.target), snapshot: this.snapshot(state.target), changed: true });
      return true;
    } catch (err) {
      // A dead page is opened again next time; a manifest that does not validate leaves it as it was.
      if (isBrowserFailure(err)) {
        kept.drop();
        state.kept = undefined;
      }
      return false;
    }
  }

  /** The build's PDF, shown settled; then the kept page is opened for the next save, if it is not. */
  private async settle(state: TargetState, start: number): Promise<void> {
    const { target } = state;
    const key = targetKey(target);
    const { paths, outputDir, session } = this.options;
    // Preflight runs as in the build, every rule allowed: its errors would
    // withhold the PDF and leave the designer with no pages at all; they are
    // shown on the pages instead, marked as what the build would refuse.
    const result = await build({
      paths,
      editions: [target.id],
      language: target.language,
      ...(target.profile && { profile: target.profile }),
      outputDir,
      session,
      concurrency: 1,
      allow: [...RULE_IDS],
      // The PDF lives until the next save: skip the size pass.
      draft: true,
      keepPrint: true,
      pdfOnly: true,
    });
    const job = result.jobs[0];
    if (!job?.pdf) throw new Error(`the build of ${key} wrote no PDF`);
    const pdf = await readFile(job.pdf);
    const sha256 = job.sha256 ?? "";
    const changed = sha256 !== state.good?.sha256;
    const labels = job.pageLabels ?? [];
    state.good = {
      version: changed ? (state.good?.version ?? 0) + 1 : (state.good?.version ?? 1),
      pdf,
      sha256,
      pages: job.pages ?? labels.length,
      pageLabels: labels,
      coverPages: coverPagesOf(labels),
      geometry: await readPageGeometry(path.join(paths.assets, "styles", "edition.css")),
      findings: previewFindings(job.preflight ?? []),
      trim: target.profile === "print" ? await trimOf(pdf) : undefined,
      ms: Math.round(performance.now() - start),
      settled: true,
      // Of the raw print: the first print of the next save is compared with it, not with the finished file.
      pageHashes: await pageHashes(job.printed ?? pdf),
    };
    state.settled = {
      render: state.good,
      decisions: { pageNumbers: job.pageNumbers, keepWhole: job.typeset?.keepWhole ?? [], css: job.typeset?.css ?? [] },
    };
    state.failure = undefined;
    state.rendering = false;
    this.options.onEvent({ type: "rendered", key, snapshot: this.snapshot(target), changed });
    if (!state.kept) {
      // Opened now, between saves (a load of fonts and styles, ~0.3 s), so the next save's first print is quick.
      state.kept = new KeptPage(session, paths, target, path.join(outputDir, target.id));
      await state.kept.print(state.settled.decisions).catch(() => {
        state.kept?.drop();
        state.kept = undefined;
      });
    }
  }

  /** The kept pages closed (the preview stops, or its browser is replaced). */
  async close(): Promise<void> {
    await Promise.all([...this.states.values()].map((s) => s.kept?.close()));
    for (const s of this.states.values()) s.kept = undefined;
  }
}

/** page-labels.ts names the covers instead of numbering them. */
function coverPagesOf(labels: string[]): number[] {
  return labels.flatMap((label, i) => (/^\d+$/.test(label) ? [] : [i]));
}

/** Labels for a first print with another page count: the covers at both ends, numbers between. */
function relabel(labels: string[], pages: number): string[] {
  const front = labels.findIndex((l) => /^\d+$/.test(l));
  const back = [...labels].reverse().findIndex((l) => /^\d+$/.test(l));
  if (front < 0) return Array.from({ length: pages }, (_, i) => String(i + 1));
  return Array.from({ length: pages }, (_, i) =>
    i < front ? labels[i] : i >= pages - back ? labels[labels.length - (pages - i)] : String(i + 1),
  );
}
