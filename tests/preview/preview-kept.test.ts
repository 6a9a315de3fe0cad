// The preview's two steps a save, in a real headless Chromium: the kept
// page's first print is shown at once, marked unsettled and with the saved
// words in it; the build's PDF follows and is the one `build --draft` makes of
// the same files, byte for byte; in the grid only the pages a save changed are
// painted again; a save made while a build runs ends on the last content.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";
import { build } from "../../src/pipeline/build-edition.js";
import type { PreviewServer } from "../../src/preview/start-preview.js";
import { openPreviewTab, type PreviewTab, settledAfter, shownAfter } from "../support/preview-tab.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

async function pdfText(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: pdf.slice() }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++)
    pages.push(
      (await (await doc.getPage(n)).getTextContent()).items
        .map((i) => ("str" in i ? i.str : ""))
        .join(" ")
        .replace(/\s+/g, " "),
    );
  return pages;
}

describe("the preview's first print and settled build", () => {
  let project: ProjectCopy;
  let preview: PreviewServer;
  let tab: PreviewTab;
  let page: Page;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "preview-kept-"));
  const manifest = () => path.join(project.paths.editions, "2026-04", "en.yaml");
  const current = async () => new Uint8Array(await (await fetch(`${preview.url}pdf/2026-04/en.pdf`)).arrayBuffer());
  /** The manifest with words put at the start of the editorial's first paragraph. */
  const withWords = (text: string, words: string) => {
    const at = text.indexOf('- p: "', text.indexOf("type: editorial")) + '- p: "'.length;
    return `${text.slice(0, at)}${words} ${text.slice(at)}`;
  };
  let version = 1;
  let pages = 0;

  beforeAll(async () => {
    project = copyProject();
    tab = await openPreviewTab(project, path.join(scratch, "out"));
    ({ preview, page } = tab);
    await page.goto(`${preview.editionUrl}?view=grid`);
    version = await settledAfter(page, 0);
    pages = await page.$$eval(".sheets.grid .sheet", (s) => s.length);
    // The kept page is opened after the first build: idle once it is.
    await preview.idle();
  }, 180_000);

  afterAll(async () => {
    await tab?.close();
    project?.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("shows a paragraph save from its first print, unsettled, repainting only the pages it changed", async () => {
    const good = readFileSync(manifest(), "utf8");
    // The build's output as it was before the save: the next test builds over it, as the preview's build did.
    cpSync(path.join(scratch, "out"), path.join(scratch, "cli"), { recursive: true });
    writeFileSync(manifest(), withWords(good, "Quixzor"));
    const first = await shownAfter(page, version);
    const firstPdf = await current();
    expect(first.settled).toBe(false);
    expect(await page.$eval("#status", (e) => e.textContent)).toContain("settling");
    expect((await pdfText(firstPdf)).join(" ")).toContain("Quixzor");
    // The editorial starts on page 3: it is repainted, and far from all the grid is.
    expect(first.painted).toContain(3);
    expect(first.painted.length).toBeLessThan(pages / 2);
    version = await settledAfter(page, first.version);
    const settled = await page.evaluate(() => (document.documentElement.dataset.paintedPages ?? "").split(" ").filter(Boolean));
    console.log(
      `first print painted pages ${first.painted.join(", ")} of ${pages}; the settled PDF ${settled.length ? settled.join(", ") : "none"}`,
    );
    expect((await pdfText(await current())).join(" ")).toContain("Quixzor");
  }, 180_000);

  // Over the same earlier build: its page numbers are where the build starts
  // from, and a start from none can end on another balance of the pages.
  it("settles on the PDF `build --draft` makes of the same files over the same earlier build", async () => {
    await preview.idle();
    const previewPdf = await current();
    const session = new BrowserSession();
    try {
      const result = await build({
        paths: project.paths,
        editions: ["2026-04"],
        language: "en",
        outputDir: path.join(scratch, "cli"),
        session,
        draft: true,
      });
      const built = readFileSync(result.jobs[0].pdf as string);
      const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
      expect(sha(previewPdf)).toBe(sha(built));
    } finally {
      await session.close();
    }
  }, 180_000);

  it("shows a stylesheet save from its first print", async () => {
    appendFileSync(path.join(project.paths.assets, "styles", "edition.css"), "\n.editorial h2 { color: #7a1f1f; }\n");
    const first = await shownAfter(page, version);
    expect(first.settled).toBe(false);
    expect(first.painted.length).toBeGreaterThan(0);
    expect(first.painted.length).toBeLessThan(pages);
    version = await settledAfter(page, first.version);
  }, 180_000);

  it("ends on the last content when a save comes while the build of the one before runs", async () => {
    await preview.idle();
    const good = readFileSync(manifest(), "utf8");
    writeFileSync(manifest(), withWords(good, "Vexmarl"));
    const first = await shownAfter(page, version);
    expect(first.settled).toBe(false);
    // The build of that save is running now: save again.
    writeFileSync(manifest(), withWords(good, "Plonkyr"));
    // The earlier save may still settle first; the renders end on the last save, settled.
    version = first.version;
    let text = "";
    for (let i = 0; i < 4 && !text.includes("Plonkyr"); i++) {
      version = await settledAfter(page, version);
      text = (await pdfText(await current())).join(" ");
    }
    expect(text).toContain("Plonkyr");
    // The renders end settled: a watcher event that comes late for the same
    // save (on a loaded machine) starts one more render, and it settles too.
    await preview.idle();
    await page.waitForFunction(
      () => {
        const d = document.documentElement.dataset;
        return d.settledVersion === d.shownVersion;
      },
      { timeout: 120_000 },
    );
    await preview.idle();
    const last = (await pdfText(await current())).join(" ");
    expect(last).toContain("Plonkyr");
    expect(last).not.toContain("Vexmarl");
    expect(await page.evaluate(() => document.documentElement.dataset.settledVersion)).toBe(
      await page.evaluate(() => document.documentElement.dataset.shownVersion),
    );
  }, 180_000);
});
