// What a job takes from the last build of the same file, read from its report
// (and the HTML kept beside its PDF): the page numbers to render the contents
// with, the typesetting decisions to start from (typeset-memo.ts), and, when
// every input is the same, the HTML itself and what its print showed, so a
// rebuild renders nothing and measures nothing (print-edition.ts).
//
// The inputs' key names the Chromium that printed. The browser is still
// starting when the job begins, and its version is known only once it has:
// the key is first taken with the version the last build recorded, so the HTML
// is ready when the page is; the real version confirms it (confirm()), and a
// build on another Chromium starts again from what that key gives.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { EditionHtml } from "../render/edition-html.js";
import { type KeptPrint, seedFrom, type TypesetMemo, type TypesetSeed } from "./typeset-memo.js";

interface Report {
  pageNumbers?: Record<string, number>;
  chromium?: string;
  typeset?: TypesetMemo;
}

export interface StartingPoint {
  hint?: Record<string, number>;
  seed?: TypesetSeed;
  /** The last build's HTML, when it is the one this build would render. */
  html?: EditionHtml;
  /** What the last build's kept print showed, when it is the one this build would print. */
  print?: KeptPrint;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function readReport(base: string): Promise<Report | undefined> {
  try {
    return JSON.parse(await readFile(`${base}.report.json`, "utf8")) as Report;
  } catch {
    return undefined;
  }
}

export class LastBuild {
  private constructor(
    private readonly base: string,
    private readonly report: Report | undefined,
  ) {}

  static async read(base: string): Promise<LastBuild> {
    return new LastBuild(base, await readReport(base));
  }

  /** The Chromium the last build printed with: the guess the first key is taken with. */
  get chromium(): string | undefined {
    return this.report?.chromium;
  }

  /** What to start from with this key: the decisions always, the HTML and the print only when the key is the last build's. */
  async start(key: string | undefined, draft: boolean): Promise<StartingPoint> {
    const report = this.report;
    const hint = report?.pageNumbers;
    if (!report || key === undefined) return { hint };
    const seed = seedFrom(report.typeset, key, draft);
    const memo = report.typeset;
    // A draft (the preview) renders and measures each time, as it did before these were kept.
    if (!memo || memo.key !== key || !memo.html || draft) return { hint, seed };
    // The kept file, as it was written: anything else is rendered again.
    const text = await readFile(`${this.base}.html`, "utf8").catch(() => undefined);
    if (text === undefined || sha256(text) !== memo.html.sha256) return { hint, seed };
    return { hint, seed, html: { html: text, headings: memo.html.headings }, print: memo.print };
  }
}

/** The HTML's record in the report: its digest and headings, for the next build to take it as it is. */
export const htmlRecord = (html: EditionHtml) => ({ sha256: sha256(html.html), headings: html.headings });
