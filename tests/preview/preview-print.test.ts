// The print profile and spreads in the preview, in a real headless Chromium:
// the "Print" toggle (R) renders the print profile, whose page carries the
// bleed and the crop marks the printer gets (dark marks outside the trim, where
// the digital page has nothing); spreads show facing pages as bound.

import path from "node:path";
import { PDFDocument } from "pdf-lib";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../src/preview/start-preview.js";
import { openPreviewTab, type PreviewTab } from "../support/preview-tab.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

/** Inked (not paper-white) pixels of the page canvas shown, in a band (fractions of its size). */
const darkIn = (page: Page, band: { x0: number; x1: number; y0: number; y1: number }) =>
  page.$eval(
    ".sheets.single canvas",
    (c, b) => {
      const canvas = c as HTMLCanvasElement;
      const ctx = canvas.getContext("2d") as CanvasRenderingContext2D;
      const [x0, y0] = [Math.floor(b.x0 * canvas.width), Math.floor(b.y0 * canvas.height)];
      const [w, h] = [Math.max(1, Math.floor((b.x1 - b.x0) * canvas.width)), Math.max(1, Math.floor((b.y1 - b.y0) * canvas.height))];
      const data = ctx.getImageData(x0, y0, w, h).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) dark++;
      return dark;
    },
    band,
  );

describe("the print profile and spreads in the preview", () => {
  let project: ProjectCopy;
  let preview: PreviewServer;
  let tab: PreviewTab;
  let page: Page;

  beforeAll(async () => {
    project = copyProject();
    tab = await openPreviewTab(project, path.join(project.paths.root, "out"));
    ({ preview, page } = tab);
    await page.goto(`${preview.editionUrl}?view=page&page=3`);
    await page.waitForSelector("html[data-shown-version='1']", { timeout: 120_000 });
  }, 180_000);

  afterAll(async () => {
    await tab?.close();
    project?.remove();
  });

  it("shows the crop marks of the print profile when Print is toggled, on the same page", async () => {
    // The digital page: its top-left corner is paper, no mark.
    const corner = { x0: 0, x1: 0.03, y0: 0, y1: 0.05 };
    expect(await darkIn(page, corner)).toBe(0);
    await page.keyboard.press("r");
    await page.waitForFunction(() => location.hash.includes("profile=print") && document.documentElement.dataset.shownVersion === "1", {
      timeout: 120_000,
    });
    await page.waitForFunction(() => document.querySelector("#edition-name")?.textContent?.endsWith("print"), { timeout: 120_000 });
    await page.waitForSelector(".sheets.single canvas", { timeout: 120_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.page)).toBe("3");
    // The PDF the preview shows is the print profile's: trim inside a larger page, marks in the margin round it.
    const bytes = new Uint8Array(await (await fetch(`${preview.url}pdf/2026-04/en.pdf?profile=print`)).arrayBuffer());
    const p3 = (await PDFDocument.load(bytes)).getPage(2);
    const [crop, trim] = [p3.getCropBox(), p3.getTrimBox()];
    expect(crop.width).toBeGreaterThan(trim.width + 20);
    // The crop marks sit outside the bleed, in line with the trim's edges: dark pixels in the corner now.
    const tx = (trim.x - crop.x) / crop.width;
    const ty = (crop.y + crop.height - (trim.y + trim.height)) / crop.height;
    const band = { x0: 0, x1: tx * 0.9, y0: ty - 0.004, y1: ty + 0.004 };
    const marks = await darkIn(page, band);
    console.log(`print profile: ${marks} dark pixels of a crop mark in the top-left corner`);
    expect(marks).toBeGreaterThan(5);
    // The outlines are drawn on the trim, with the bleed marked.
    expect(await page.$$(".sheets.single .guides .bleed-box")).toHaveLength(1);
  }, 180_000);

  it("shows facing pages in spreads (page 1 alone, then 2–3), and a turn goes to the next pair", async () => {
    await page.keyboard.press("s");
    await page.waitForFunction(() => document.querySelectorAll(".sheets.single.spread .sheet").length === 2, { timeout: 60_000 });
    expect(await page.$$eval(".sheets.single .sheet", (s) => s.map((x) => x.getAttribute("data-page")))).toEqual(["2", "3"]);
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(() => document.documentElement.dataset.page === "4", { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector(".sheets.single .sheet")?.getAttribute("data-page") === "4", {
      timeout: 60_000,
    });
    expect(await page.$$eval(".sheets.single .sheet", (s) => s.map((x) => x.getAttribute("data-page")))).toEqual(["4", "5"]);
    expect(new URL(page.url()).hash).toContain("spreads=1");
  }, 120_000);
});
