// From the page to the source and back, in a real headless Chromium: a click
// on a line of an editorial paragraph names its manifest file and line (where
// that paragraph starts), the section's partial and stylesheet rules, as
// VS Code links; `&source=LINE` finds that line's text on its page.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainWords } from "../../src/preview/source-map.js";
import type { PreviewServer } from "../../src/preview/start-preview.js";
import { openPreviewTab, type PreviewTab } from "../support/preview-tab.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

describe("the preview's way from the page to the source", () => {
  let project: ProjectCopy;
  let preview: PreviewServer;
  let tab: PreviewTab;
  let page: Page;
  let clickedLine = 0;

  beforeAll(async () => {
    project = copyProject();
    tab = await openPreviewTab(project, path.join(project.paths.root, "out"));
    ({ preview, page } = tab);
    await page.goto(`${preview.editionUrl}?view=page&page=3&zoom=100`);
    await page.waitForSelector("html[data-shown-version='1']", { timeout: 120_000 });
    await page.waitForSelector(".sheets.single .textLayer span", { timeout: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await tab?.close();
    project?.remove();
  });

  it("names the manifest line of an editorial paragraph clicked on page 3, its partial and its rules", async () => {
    // A line of running text: a span of seven words or more, in the page's lower half.
    const target = await page.$$eval(".sheets.single .textLayer span", (spans) => {
      const paper = (spans[0].closest(".paper") as HTMLElement).getBoundingClientRect();
      const s = spans.find((x) => {
        const r = x.getBoundingClientRect();
        return !x.children.length && (x.textContent ?? "").split(/\s+/).length >= 7 && r.top > paper.top + paper.height / 2;
      });
      if (!s) return undefined;
      s.scrollIntoView({ block: "center" });
      const r = s.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: s.textContent ?? "" };
    });
    expect(target, "a line of running text on page 3").toBeTruthy();
    const { x, y, text } = target as { x: number; y: number; text: string };
    await page.mouse.click(x, y);
    await page.waitForFunction(() => document.documentElement.dataset.source, { timeout: 30_000 });
    const where = await page.evaluate(() => document.documentElement.dataset.source as string);
    expect(where).toMatch(/^editions\/2026-04\/en\.yaml:\d+$/);
    clickedLine = Number(where.split(":")[1]);

    // That line of the manifest starts the text the clicked words are in.
    const yaml = readFileSync(path.join(project.paths.editions, "2026-04", "en.yaml"), "utf8").split("\n");
    const from = plainWords(yaml.slice(clickedLine - 1, clickedLine + 40).join(" "));
    const middle = plainWords(text).split(" ").slice(1, -1).join(" ");
    expect(from).toContain(middle);
    expect(plainWords(yaml.slice(0, clickedLine - 1).join(" "))).not.toContain(middle);

    const panel = await page.$eval("#source", (e) => ({
      text: e.textContent ?? "",
      links: [...e.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? ""),
    }));
    expect(panel.text).toContain("sections[");
    expect(panel.text).toContain("templates/sections/editorial.hbs:");
    expect(panel.links[0]).toBe(
      `vscode://file${encodeURI(path.join(project.paths.editions, "2026-04", "en.yaml"))}:${clickedLine}:${/:(\d+)$/.exec(panel.links[0])?.[1]}`,
    );
    expect(panel.links.some((l) => l.includes("assets/styles/edition.css:"))).toBe(true);
  }, 120_000);

  it("says when a line is not from the manifest (the folio)", async () => {
    const head = await page.$$eval(".sheets.single .textLayer span", (spans) => {
      const s = spans.find((x) => /^\s*3\s*\/\s*\d+\s*$/.test(x.textContent ?? ""));
      if (!s) return undefined;
      s.scrollIntoView({ block: "center" });
      const r = s.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    expect(head).toBeTruthy();
    await page.mouse.click((head as { x: number }).x, (head as { y: number }).y);
    await page.waitForFunction(() => document.documentElement.dataset.source === "none", { timeout: 30_000 });
  });

  it("goes from a manifest line (&source=LINE) to its page, with the words marked", async () => {
    expect(clickedLine).toBeGreaterThan(0);
    await page.evaluate((line) => {
      location.hash = `#/2026-04/en?view=page&page=1&source=${line}`;
    }, clickedLine);
    await page.waitForFunction((line) => document.documentElement.dataset.sourceLine === String(line), { timeout: 60_000 }, clickedLine);
    await page.waitForFunction(
      () => document.documentElement.dataset.page === "3" && document.querySelector(".sheets.single .textLayer span.match"),
      {
        timeout: 60_000,
      },
    );
  }, 120_000);
});
