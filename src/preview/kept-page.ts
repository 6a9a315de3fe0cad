// The preview's fast path: one page per edition kept open between saves. A
// save renders the HTML again in this process (~30 ms warm), swaps the new
// body and the stylesheets that changed into the open page, and prints once:
// no new tab, no load of fonts and styles, no typesetting passes, no
// finishing. That print is shown at once, marked unsettled; the build() that
// makes the real PDF (preview-renderer.ts) follows it. It prints with the
// decisions of the last settled build (page numbers, words kept whole, the
// balancing rules), so it differs from the settled PDF only where the save
// moved what those decisions were about.
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "puppeteer-core";
import type { BrowserSession } from "../browser/browser-session.js";
import { loadForPrint, printPdf } from "../browser/print-page.js";
import { editionReader } from "../diff/edition-reader.js";
import { editionFiles } from "../manifest/discover.js";
import { loadManifest } from "../manifest/load.js";
import type { ProjectPaths } from "../paths.js";
import { renderEditionHtml } from "../render/edition-html.js";
import { readEarlierEditions } from "../render/section-views.js";
import type { Target } from "./targets.js";

/** What the last settled build decided, to print the next save with. */
export interface SettledDecisions {
  pageNumbers?: Record<string, number>;
  keepWhole: string[];
  css: string[];
}

/** The swap, in the page: the same head (tag by tag) with its texts, attributes and changed sheets updated, and a new body. */
function swapIn(html: string, reload: string[], stamp: string): boolean {
  const next = new DOMParser().parseFromString(html, "text/html");
  const oldHead = [...document.head.children];
  const newHead = [...next.head.children];
  // Another shape of head (the layout template changed): the caller reloads.
  if (oldHead.length !== newHead.length || oldHead.some((el, i) => el.tagName !== newHead[i].tagName)) return false;
  const root = document.documentElement;
  for (const a of [...root.attributes]) if (!next.documentElement.hasAttribute(a.name)) root.removeAttribute(a.name);
  for (const a of [...next.documentElement.attributes]) root.setAttribute(a.name, a.value);
  oldHead.forEach((el, i) => {
    const to = newHead[i];
    if (el instanceof HTMLLinkElement) {
      const href = to.getAttribute("href") ?? "";
      const now = (el.getAttribute("href") ?? "").split("?")[0];
      // A sheet saved since is asked for again under a new query: Chromium
      // would otherwise keep the copy it has. Untouched sheets stay parsed.
      if (href !== now) el.setAttribute("href", href);
      else if (reload.includes(href)) el.setAttribute("href", `${href}?v=${stamp}`);
    } else if (el.outerHTML !== to.outerHTML) el.replaceWith(document.adoptNode(to));
  });
  document.body.replaceWith(document.adoptNode(next.body));
  return true;
}

/** Every sheet parsed, every image decoded, every face loaded: what a print may not start before. */
function settledInPage(): boolean {
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')];
  return links.every((l) => l.sheet !== null) && [...document.images].every((i) => i.complete) && document.fonts.status === "loaded";
}

export class KeptPage {
  private page: Page | undefined;
  private gone: Promise<never> | undefined;
  private html: string | undefined;
  /** The decisions that HTML was rendered with. */
  private decided: string | undefined;
  /** The stylesheets' modification times when the page last read them. */
  private sheets = new Map<string, number>();
  private swaps = 0;
  /** How long the last print's steps took, in ms (the preview's status line and measure:preview show them). */
  timings: { html: number; swap: number; print: number } | undefined;

  constructor(
    private readonly session: BrowserSession,
    private readonly paths: ProjectPaths,
    private readonly target: Target,
    /** The folder the build writes this edition's HTML to: the styles' relative links are the same. */
    private readonly htmlDir: string,
  ) {}

  private get file(): string {
    const { id, language, profile } = this.target;
    return path.join(this.htmlDir, `${id}-${language}${profile === "print" ? "-print" : ""}.kept.html`);
  }

  /** The HTML as the build's first render would make it, with the last build's decisions. */
  private async render(decisions: SettledDecisions): Promise<string> {
    const [manifest] = await editionFiles(this.target.id, { language: this.target.language, editionsDir: this.paths.editions });
    const loaded = await loadManifest(manifest.file);
    if (!loaded.edition) throw new Error(`${manifest.file} does not validate`);
    const earlier = await readEarlierEditions(loaded, editionReader(this.paths.editions));
    return renderEditionHtml(loaded.edition, {
      templatesDir: this.paths.templates,
      assetsDir: this.paths.assets,
      htmlDir: this.htmlDir,
      profile: this.target.profile ?? "digital",
      earlier,
      draft: true,
      pageNumbers: decisions.pageNumbers && new Map(Object.entries(decisions.pageNumbers)),
      keepWhole: decisions.keepWhole,
      css: decisions.css,
    }).html;
  }

  /** The sheets (as the HTML links them) whose file changed since the page read them. */
  private async changedSheets(html: string): Promise<string[]> {
    const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
    const changed: string[] = [];
    for (const href of hrefs) {
      const file = path.resolve(this.htmlDir, href);
      const mtime = (await stat(file)).mtimeMs;
      if (this.sheets.get(file) !== mtime) changed.push(href);
      this.sheets.set(file, mtime);
    }
    return changed;
  }

  private async open(html: string): Promise<Page> {
    await this.page?.close().catch(() => {});
    const kept = await this.session.keepPage();
    this.page = kept.page;
    this.gone = kept.gone;
    await writeFile(this.file, html);
    await loadForPrint(this.page, {
      htmlFile: this.file,
      allowedRoots: [this.paths.templates, this.paths.assets, path.join(this.paths.root, "node_modules", "@fontsource"), this.htmlDir],
    });
    return this.page;
  }

  /**
   * The edition as saved, printed once in the kept page (opened on the first
   * call, ~0.3 s more). Undefined when nothing printable changed. Throws on
   * anything it cannot do (a manifest that does not validate, a dead browser):
   * the build that follows reports it properly.
   */
  async print(decisions: SettledDecisions, stylesOnly = false): Promise<Uint8Array | undefined> {
    const t0 = performance.now();
    const decided = JSON.stringify(decisions);
    // A stylesheet saved: the HTML is the one in the page, if it was made with these decisions.
    const html = stylesOnly && this.html && decided === this.decided ? this.html : await this.render(decisions);
    this.decided = decided;
    const t1 = performance.now();
    const reload = await this.changedSheets(html);
    if (html === this.html && !reload.length && this.page) return undefined;
    let page = this.page;
    if (!page || page.isClosed()) page = await this.open(html);
    else {
      // The file follows the page, so a reload (or the next open) shows the same.
      await writeFile(this.file, html);
      const swapped = await this.race(page.evaluate(swapIn, html, reload, String(++this.swaps)));
      if (!swapped) page = await this.open(html);
    }
    this.html = html;
    // Polled from here: the page runs no script of its own, so no timer of its fires.
    const deadline = Date.now() + 10_000;
    while (!(await this.race(page.evaluate(settledInPage)))) {
      if (Date.now() > deadline) throw new Error("the kept page did not finish loading its styles, images and fonts within 10 s");
      await new Promise((r) => setTimeout(r, 5));
    }
    // Untagged: the same drawing (page-hashes.ts), without the structure tree's cost.
    const t2 = performance.now();
    const pdf = await this.race(printPdf(page, { tagged: false }));
    this.timings = { html: Math.round(t1 - t0), swap: Math.round(t2 - t1), print: Math.round(performance.now() - t2) };
    return pdf;
  }

  private race<T>(p: Promise<T>): Promise<T> {
    return this.gone ? Promise.race([p, this.gone]) : p;
  }

  /** Closed after a failure too: the next print opens the page afresh. */
  async close(): Promise<void> {
    const page = this.page;
    this.page = undefined;
    this.html = undefined;
    this.sheets.clear();
    await page?.close().catch(() => {});
  }

  /** Forget the page after the browser died (closing it would wait on a dead connection). */
  drop(): void {
    this.page = undefined;
    this.html = undefined;
    this.sheets.clear();
  }
}
