// The preview's tests drive a real preview server from a headless tab. A save
// is shown twice (its first print from the kept page, then the build's
// settled PDF); tests that read findings or compare with the build wait for
// the settled one.
import path from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { findChromium } from "../../src/browser/find-chromium.js";
import { type PreviewServer, startPreview } from "../../src/preview/start-preview.js";
import type { ProjectCopy } from "./project-copy.js";

export interface PreviewTab {
  preview: PreviewServer;
  browser: Browser;
  /** 1400 × 900, at no address yet. */
  page: Page;
  close(): Promise<void>;
}

/** A preview of April 2026 in English over the copy, its builds in `outputDir`, and a headless tab to look at it with. */
export async function openPreviewTab(project: ProjectCopy, outputDir = path.join(project.paths.root, "out")): Promise<PreviewTab> {
  // A render that fails is said in the test's output: a test waiting for a settled render then shows why none came.
  const reporter = {
    failed: (key: string, lines: string[]) => console.log(`preview: ${key} failed:\n  ${lines.join("\n  ")}`),
    error: (err: unknown) => console.log(`preview: ${err instanceof Error ? err.stack : String(err)}`),
  };
  const preview = await startPreview({ paths: project.paths, port: 0, edition: "2026-04", language: "en", outputDir, reporter });
  try {
    const browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    return {
      preview,
      browser,
      page,
      close: async () => {
        await browser.close();
        await preview.close();
      },
    };
  } catch (err) {
    await preview.close();
    throw err;
  }
}

/** The version of the next settled render shown after `after`. */
export async function settledAfter(page: Page, after: number, timeout = 120_000): Promise<number> {
  await page.waitForFunction((v) => Number(document.documentElement.dataset.settledVersion) > v, { timeout }, after);
  return Number(await page.evaluate(() => document.documentElement.dataset.settledVersion));
}

/** The version of the next render of any kind shown after `after`, and whether it is settled. */
export async function shownAfter(
  page: Page,
  after: number,
  timeout = 120_000,
): Promise<{ version: number; settled: boolean; painted: number[] }> {
  await page.waitForFunction((v) => Number(document.documentElement.dataset.shownVersion) > v, { timeout }, after);
  return page.evaluate(() => {
    const d = document.documentElement.dataset;
    return {
      version: Number(d.shownVersion),
      settled: d.settledVersion === d.shownVersion,
      painted: (d.paintedPages ?? "").split(" ").filter(Boolean).map(Number),
    };
  });
}
