// The types of a build: what it is asked (BuildOptions) and what it gives back.

import type { BrowserSession } from "../browser/browser-session.js";
import type { ConformanceFinding } from "../conformance/types.js";
import type { Language } from "../manifest/primitives.js";
import type { ProjectPaths } from "../paths.js";
import type { Finding } from "../preflight/rules.js";
import type { TypesetMemo } from "./typeset-memo.js";

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
  /**
   * The borrowed session is closed by build() as soon as no job needs it any more
   * (the last cover drawn), while the last files are written: the CLI's, which
   * is used for one build. The preview's and the tests' stay open.
   */
  closeSession?: boolean;
  reporter?: BuildReporter;
  /** digital (default: links live, no marks) or print (3 mm bleed, TrimBox and BleedBox, crop marks). */
  profile?: Profile;
  /** Preflight rules whose errors do not fail the build (they are still reported). */
  allow?: string[];
  /** false skips preflight (it runs at the end of every job otherwise). */
  preflight?: boolean;
  /** Set when the run has failed elsewhere: the job then writes nothing. */
  signal?: AbortSignal;
  /**
   * A proof for the screen (the preview, `--draft`): same pages, but the PDF is not made
   * smaller, and values marked `{ unknown: … }` are printed highlighted instead of refused.
   */
  draft?: boolean;
  /**
   * The PDF, its open data and its report only: no sharing image, no web
   * edition, no conformance check. None of them changes the PDF's bytes, and
   * together they cost about a second a build: the preview's builds skip them.
   */
  pdfOnly?: boolean;
  /** Give each job's last raw print back (JobResult.printed): the preview compares its pages with its own first print. */
  keepPrint?: boolean;
}

export type Profile = "digital" | "print";

export interface BuildReporter {
  stage?(job: string, stage: string, ms: number): void;
  file?(input: string, output: string): void;
  /** The preflight findings of a job, before its files are written (or not). */
  preflight?(job: string, findings: Finding[], blocking: Finding[]): void;
}

export interface JobResult {
  id: string;
  language: Language;
  manifest: string;
  html: string;
  pdf?: string;
  report?: string;
  /** The open data written beside the PDF (and attached to it): <id>-<lang>-data/<file>. */
  data?: string[];
  /** The self-contained web edition (digital profile only). */
  web?: string;
  /** The web edition's sharing image: the PDF's first page, 1200 px wide (digital profile only). */
  cover?: string;
  pages?: number;
  bytes?: number;
  sha256?: string;
  bookmarks?: number;
  pageLabels?: string[];
  /** The standards the PDF claims in its XMP ("PDF/A-3a", "PDF/UA-1"). */
  standards?: string[];
  /** The conformance check of those claims: its findings (none, or the job fails) and the rules it tested per standard. */
  conformance?: { standards: string[]; findings: ConformanceFinding[]; rulesChecked: Record<string, string> };
  /** Printed page of every heading anchor. */
  pageNumbers?: Record<string, number>;
  blockedRequests: string[];
  timings: Record<string, number>;
  /** How many times the edition was printed (src/pipeline/print-edition.ts). */
  prints?: number;
  /** What the next build needs to reuse this one's finishing and PDF preflight (src/pipeline/finish-memo.ts). */
  finishing?: unknown;
  chromium?: string;
  /** Preflight findings, page by page; absent when preflight was skipped. */
  preflight?: Finding[];
  /** The typesetting decisions of this build and the inputs they hold for (src/pipeline/typeset-memo.ts). */
  typeset?: TypesetMemo;
  /** The raw print the PDF was finished from, with BuildOptions.keepPrint; never written. */
  printed?: Uint8Array;
}

export interface BuildResult {
  jobs: JobResult[];
  /** The series across every edition, one folder per language built (output/series/<lang>/). */
  series?: string[];
  ms: number;
}
