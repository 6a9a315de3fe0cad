// Prints the editions being viewed with the one long-lived browser, through
// the same build() as `npm run build:edition`: same templates, styles, fonts
// and page breaks, so the preview cannot disagree with the PDF. The last good
// PDF of each target stays in memory; a failure is kept beside it, not in its place.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { BrowserSession } from "../browser/browser-session.js";
import type { ProjectPaths } from "../paths.js";
import { build } from "../pipeline/build-edition.js";
import { blockingFindings, type Finding, RULE_IDS, sortFindings } from "../preflight/rules.js";
import { type PageGeometry, readPageGeometry } from "./page-geometry.js";
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

/** Where the trim sits on the page a viewer draws (the crop box): the outlines are drawn on the trim. */
async function trimOf(pdf: Uint8Array): Promise<TrimBox | undefined> {
  const page = (await PDFDocument.load(pdf, { updateMetadata: false })).getPages()[0];
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
  failure?: PreviewFailure;
}

export type RenderEvent =
  | { type: "rendering"; key: string }
  | { type: "rendered"; key: string; snapshot: TargetSnapshot; changed: boolean }
  | { type: "failed"; key: string; snapshot: TargetSnapshot };

interface TargetState {
  target: Target;
  rendering: boolean;
  good?: GoodRender;
  failure?: PreviewFailure;
}

export interface RendererOptions {
  paths: ProjectPaths;
  /** Private output folder: the project's output/ is never touched. */
  outputDir: string;
  session: BrowserSession;
  onEvent(event: RenderEvent): void;
  /** After a failure that is not the files' fault (the browser crashed or hung), before the next render. */
  recover?(): Promise<void>;
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
      }),
      ...(state?.failure && { failure: state.failure }),
    };
  }

  /** Render one target; never throws: a failure becomes the target's overlay. A crashed browser gets one retry in a new one. */
  async render(target: Target, retry = true): Promise<void> {
    const key = targetKey(target);
    const state = this.states.get(key) ?? { target, rendering: false };
    this.states.set(key, state);
    state.rendering = true;
    this.options.onEvent({ type: "rendering", key });
    const start = performance.now();
    try {
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
        // page-labels.ts names the covers instead of numbering them.
        coverPages: labels.flatMap((label, i) => (/^\d+$/.test(label) ? [] : [i])),
        geometry: await readPageGeometry(path.join(paths.assets, "styles", "edition.css")),
        findings: previewFindings(job.preflight ?? []),
        trim: target.profile === "print" ? await trimOf(pdf) : undefined,
        ms: Math.round(performance.now() - start),
      };
      state.failure = undefined;
      state.rendering = false;
      this.options.onEvent({ type: "rendered", key, snapshot: this.snapshot(target), changed });
    } catch (err) {
      if (isBrowserFailure(err) && this.options.recover) {
        await this.options.recover().catch(() => {});
        if (retry) return this.render(target, false);
      }
      state.failure = await describeFailure(err, this.options.paths.root);
      state.rendering = false;
      this.options.onEvent({ type: "failed", key, snapshot: this.snapshot(target) });
    }
  }
}
