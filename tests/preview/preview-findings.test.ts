// Preflight on the page, in a real headless Chromium: a CSS save that breaks a
// heading shows the finding's box on the page where the heading printed, in
// the panel with its page and marked as what the build would refuse; the box
// sits where the PDF has the heading's words (pdftotext -bbox); the findings
// are those of `observatory preflight --json` for the same files.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../src/preview/start-preview.js";
import { openPreviewTab, type PreviewTab, settledAfter } from "../support/preview-tab.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";
import { commandLine } from "../support/run-cli.js";

const shown = (page: Page, version: number) => page.waitForSelector(`html[data-shown-version='${version}']`, { timeout: 120_000 });

/** Words of a page with their boxes, from poppler (points, y down from the top of the page box). */
function popplerWords(pdf: string, n: number) {
  const xml = execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-bbox", pdf, "-"], { encoding: "utf8" });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5],
  }));
}

describe("preflight findings in the preview", () => {
  let project: ProjectCopy;
  let preview: PreviewServer;
  let tab: PreviewTab;
  let page: Page;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "preview-findings-"));
  const css = () => path.join(project.paths.assets, "styles", "edition.css");
  let version = 1;
  const pdfFile = async () => {
    const file = path.join(scratch, `v${version}.pdf`);
    writeFileSync(file, new Uint8Array(await (await fetch(`${preview.url}pdf/2026-04/en.pdf?v=${version}`)).arrayBuffer()));
    return file;
  };

  beforeAll(async () => {
    project = copyProject({ withCode: true });
    tab = await openPreviewTab(project, path.join(scratch, "out"));
    ({ preview, page } = tab);
    await page.goto(`${preview.editionUrl}?view=page&page=3`);
    await shown(page, 1);
  }, 180_000);

  afterAll(async () => {
    await tab?.close();
    project?.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("says so when preflight finds nothing", async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.findings)).toBe("0");
    expect(await page.$eval("#findings", (e) => e.textContent)).toContain("nothing found");
    expect(await page.$$(".finding-box")).toHaveLength(0);
  });

  it("draws a contrast finding on the heading it names, where the PDF prints its words", async () => {
    appendFileSync(css(), "\n.editorial h2 { color: #dddddd; }\n");
    version = await settledAfter(page, version);
    const boxes = await page.$$eval(".sheet[data-page='3'] .finding-box[data-rule='contrast']", (bs) =>
      bs.map((b) => {
        const r = b.getBoundingClientRect();
        const paper = (b.closest(".paper") as HTMLElement).getBoundingClientRect();
        return {
          x0: r.left - paper.left,
          y0: r.top - paper.top,
          x1: r.right - paper.left,
          y1: r.bottom - paper.top,
          pw: paper.width,
          title: (b as HTMLElement).title,
        };
      }),
    );
    expect(boxes.length).toBeGreaterThan(0);
    const box = boxes[0];
    const heading = /«([^»…]+)/.exec(box.title)?.[1]?.trim().split(/\s+/) ?? [];
    expect(heading.length).toBeGreaterThan(1);
    const words = popplerWords(await pdfFile(), 3);
    const first = words.find((w, i) => w.text === heading[0] && words[i + 1]?.text === heading[1]);
    expect(first, `«${heading.join(" ")}» on page 3 of the PDF`).toBeTruthy();
    // Points to CSS pixels of the page drawn (A4: 595.3 pt wide).
    const k = box.pw / 595.28;
    const w = first as (typeof words)[number];
    // The heading's first word lies inside the box (a few points of slack: the box is padded by 2 px).
    expect(w.x0 * k).toBeGreaterThanOrEqual(box.x0 - 1);
    expect(w.x1 * k).toBeLessThanOrEqual(box.x1 + 1);
    expect((w.y0 + w.y1) / 2).toBeGreaterThan(box.y0 / k);
    expect((w.y0 + w.y1) / 2).toBeLessThan(box.y1 / k);
    // And the box is no taller than the heading's two lines and a bit.
    expect((box.y1 - box.y0) / k).toBeLessThan(3 * (w.y1 - w.y0));
  }, 180_000);

  it("shows a heading made to overflow by a CSS save, on its page, in the panel, as what the build refuses", async () => {
    const saved = Date.now();
    appendFileSync(css(), "\n.editorial h2 { color: inherit; white-space: nowrap; }\n");
    version = await settledAfter(page, version);
    await page.waitForSelector(".sheet[data-page='3'] .finding-box[data-rule='overflow'].refused", { timeout: 30_000 });
    console.log(`CSS save -> finding box shown: ${Date.now() - saved} ms`);
    const items = await page.$$eval(".finding.refused .finding-go", (bs) => bs.map((b) => b.textContent ?? ""));
    expect(items.some((t) => t.startsWith("p. 3") && t.includes("overflow") && t.includes("build refuses"))).toBe(true);
    expect(await page.$eval("#findings-count", (e) => e.className)).toContain("refused");

    // A line of the panel opens its page with the box flashing: go to page 1 first, then click.
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.waitForFunction(() => document.documentElement.dataset.page === "1");
    const button = await page.$(".finding.refused .finding-go");
    await button?.click();
    await page.waitForSelector(".sheet[data-page='3'] .finding-box.chosen", { timeout: 30_000 });
  }, 180_000);

  it("lists what `observatory preflight --json` finds in the same files", async () => {
    const [cmd, ...args] = commandLine("preflight", ["2026-04", "--lang", "en", "--json"], project.paths.root);
    let out = "";
    try {
      out = execFileSync(cmd, args, { cwd: project.paths.root, encoding: "utf8", maxBuffer: 64 << 20 });
    } catch (err) {
      // Exit 1 with errors found: the JSON is on stdout all the same.
      out = (err as { stdout: string }).stdout;
    }
    const cli = (JSON.parse(out) as { findings: { rule: string; page?: number; element: string; severity: string }[] }[])[0].findings;
    const shownFindings = await page.$$eval(".finding-go", (bs) =>
      bs.map((b) => ({
        page: b.querySelector(".finding-page")?.textContent ?? "",
        rule: (b.querySelector(".finding-rule")?.textContent ?? "").split(" · ")[1],
        element: b.querySelector(".finding-element")?.textContent ?? "",
      })),
    );
    const key = (f: { page?: number | string; rule: string; element: string }) =>
      `${typeof f.page === "number" ? `p. ${f.page}` : (f.page ?? "document") || "document"} ${f.rule} ${f.element}`;
    expect(cli.length).toBeGreaterThan(0);
    expect(shownFindings.map(key).sort()).toEqual(cli.map(key).sort());
  }, 120_000);
});
