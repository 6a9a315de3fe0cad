// Waiting on the preview's tab: a save is shown twice (its first print from
// the kept page, then the build's settled PDF); tests that read findings or
// compare with the build wait for the settled one.
import type { Page } from "puppeteer-core";

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
