// The designer's tools in the preview, in a real headless Chromium: zoom that
// stays sharp (compared with poppler's render of the same PDF at the same
// resolution), the reading position kept across a zoom, the text layer (find
// jumps to the page, the words can be selected and copied).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/browser/find-chromium.js";
import { type PreviewServer, startPreview } from "../../src/preview/start-preview.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

const shown = (page: Page, version = 1) => page.waitForSelector(`html[data-shown-version='${version}']`, { timeout: 90_000 });

/** Grey levels of a PNG. */
function grey(png: PNG): Float64Array {
  const out = new Float64Array(png.width * png.height);
  for (let i = 0; i < out.length; i++) out[i] = (png.data[4 * i] + png.data[4 * i + 1] + png.data[4 * i + 2]) / 3;
  return out;
}

/** Edge energy: the mean absolute difference between neighbours. A blurred page has much less of it. */
function edges(png: PNG): number {
  const g = grey(png);
  let sum = 0;
  for (let y = 0; y < png.height - 1; y++)
    for (let x = 0; x < png.width - 1; x++) {
      const i = y * png.width + x;
      sum += Math.abs(g[i] - g[i + 1]) + Math.abs(g[i] - g[i + png.width]);
    }
  return sum / ((png.width - 1) * (png.height - 1));
}

/** Mean absolute grey difference of two images of one size. */
function difference(a: PNG, b: PNG): number {
  const [ga, gb] = [grey(a), grey(b)];
  let sum = 0;
  for (let i = 0; i < ga.length; i++) sum += Math.abs(ga[i] - gb[i]);
  return sum / ga.length;
}

/** The crop of the page's canvas, as the viewer drew it, and the same crop drawn from a 4× smaller copy of it (what a stretched 100 % canvas shows). */
async function canvasCrops(page: Page, box: { x: number; y: number; w: number; h: number }) {
  const [sharp, stretched] = await page.$eval(
    ".sheets.single canvas",
    (c, b) => {
      const canvas = c as HTMLCanvasElement;
      const crop = (source: CanvasImageSource, sx: number, sy: number, sw: number, sh: number) => {
        const out = document.createElement("canvas");
        out.width = b.w;
        out.height = b.h;
        const ctx = out.getContext("2d") as CanvasRenderingContext2D;
        ctx.imageSmoothingQuality = "high";
        ctx.drawImage(source, sx, sy, sw, sh, 0, 0, b.w, b.h);
        return out.toDataURL("image/png");
      };
      const small = document.createElement("canvas");
      small.width = Math.round(canvas.width / 4);
      small.height = Math.round(canvas.height / 4);
      (small.getContext("2d") as CanvasRenderingContext2D).drawImage(canvas, 0, 0, small.width, small.height);
      return [crop(canvas, b.x, b.y, b.w, b.h), crop(small, b.x / 4, b.y / 4, b.w / 4, b.h / 4)];
    },
    box,
  );
  const png = (url: string) => PNG.sync.read(Buffer.from(url.split(",")[1], "base64"));
  return { sharp: png(sharp), stretched: png(stretched) };
}

describe("the preview's zoom, text layer and find", () => {
  let project: ProjectCopy;
  let preview: PreviewServer;
  let browser: Browser;
  let page: Page;
  let pdf: Uint8Array;
  const scratch = mkdtempSync(path.join(os.tmpdir(), "preview-tools-"));

  beforeAll(async () => {
    project = copyProject();
    preview = await startPreview({ paths: project.paths, port: 0, edition: "2026-04", outputDir: path.join(project.paths.root, "out") });
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${preview.editionUrl}?view=page&page=3&zoom=400`);
    await shown(page);
    pdf = new Uint8Array(await (await fetch(`${preview.url}pdf/2026-04/en.pdf`)).arrayBuffer());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    project?.remove();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("draws page 3 at 400 % as sharp as poppler's render at the same resolution", async () => {
    // 400 % of the printed size: 4 × 96 CSS px per inch, at device pixel ratio 1.
    const dpi = 4 * 96;
    const { width, cssWidth } = await page.$eval(".sheets.single canvas", (c) => ({
      width: (c as HTMLCanvasElement).width,
      cssWidth: Number.parseFloat((c as HTMLCanvasElement).style.width),
    }));
    const doc = await getDocument({ data: pdf.slice() }).promise;
    const pt = (await doc.getPage(3)).getViewport({ scale: 1 }).width;
    await doc.loadingTask.destroy();
    expect(width).toBe(Math.round((pt * dpi) / 72));
    expect(cssWidth).toBe(width);
    expect(await page.$eval("#zoom-level", (e) => e.textContent)).toBe("400 %");

    // A block of body text in the middle of the page.
    const box = { x: Math.round(width * 0.1), y: Math.round(width * 0.55), w: 600, h: 400 };
    const file = path.join(scratch, "en.pdf");
    // Poppler reads the very bytes the viewer shows.
    writeFileSync(file, pdf);
    const base = path.join(scratch, "p3");
    execFileSync("pdftoppm", [
      "-r",
      String(dpi),
      "-f",
      "3",
      "-l",
      "3",
      "-x",
      `${box.x}`,
      "-y",
      `${box.y}`,
      "-W",
      `${box.w}`,
      "-H",
      `${box.h}`,
      "-png",
      "-singlefile",
      file,
      base,
    ]);
    const poppler = PNG.sync.read(readFileSync(`${base}.png`));
    const { sharp, stretched } = await canvasCrops(page, box);
    const [e0, e1, e2] = [edges(poppler), edges(sharp), edges(stretched)];
    const [d1, d2] = [difference(sharp, poppler), difference(stretched, poppler)];
    console.log(
      `400 %: edge energy poppler ${e0.toFixed(2)}, preview ${e1.toFixed(2)}, a 100 % canvas stretched ${e2.toFixed(2)}; ` +
        `mean grey difference from poppler: preview ${d1.toFixed(2)}, stretched ${d2.toFixed(2)}`,
    );
    expect(e0).toBeGreaterThan(2); // there is text in the crop
    expect(e1 / e0).toBeGreaterThan(0.9);
    expect(e1 / e0).toBeLessThan(1.1);
    // The test can fail: a stretched canvas (what the viewer drew before) is softer, and further from poppler.
    expect(e2 / e0).toBeLessThan(0.8);
    expect(d1).toBeLessThan(d2 * 0.7);
  });

  it("keeps the reading position when zooming with the keyboard", async () => {
    await page.evaluate(() => {
      location.hash = "#/2026-04/en?view=page&page=3&zoom=200";
    });
    await page.waitForFunction(() => document.documentElement.dataset.zoom === "200", { timeout: 30_000 });
    await page.evaluate(() => window.scrollTo(300, 700));
    const point = () =>
      page.$eval(".sheets.single .paper", (p) => {
        const r = p.getBoundingClientRect();
        return { x: (innerWidth / 2 - r.left) / r.width, y: (innerHeight / 2 - r.top) / r.height };
      });
    const before = await point();
    await page.keyboard.press("+");
    await page.waitForFunction(() => document.documentElement.dataset.zoom === "300", { timeout: 30_000 });
    const after = await point();
    expect(new URL(page.url()).hash).toBe("#/2026-04/en?view=page&page=3&zoom=300");
    expect(Math.abs(after.x - before.x)).toBeLessThan(0.01);
    expect(Math.abs(after.y - before.y)).toBeLessThan(0.01);
    await page.keyboard.press("w");
    await page.waitForFunction(() => new URL(location.href).hash.endsWith("zoom=width"), { timeout: 30_000 });
    await page.keyboard.press("f");
    await page.waitForFunction(() => !location.hash.includes("zoom="), { timeout: 30_000 });
  });

  it("finds a word of page 5 and jumps there, with the word marked and selectable in the text layer", async () => {
    const doc = await getDocument({ data: pdf.slice() }).promise;
    const words: Set<string>[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const text = (await (await doc.getPage(n)).getTextContent()).items.map((t) => ("str" in t ? t.str : "")).join(" ");
      words.push(new Set(text.toLowerCase().match(/[a-z]{9,}/g) ?? []));
    }
    await doc.loadingTask.destroy();
    const word = [...words[4]].find((w) => words.every((set, i) => i === 4 || !set.has(w)));
    expect(word, "a word printed on page 5 only").toBeTruthy();

    await page.click("#find");
    await page.keyboard.type(word as string);
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () => document.documentElement.dataset.page === "5" && document.querySelector(".sheets.single .textLayer span.match"),
      {
        timeout: 30_000,
      },
    );
    expect(await page.$eval("#page-indicator", (e) => e.textContent)).toMatch(/^5 \//);
    const marked = await page.$eval(".textLayer span.match", (s) => s.textContent ?? "");
    expect(marked.toLowerCase()).toContain(word);
    // Copy: the words are real text over the canvas, so the browser selects them.
    const selected = await page.$eval(".textLayer span.match", (s) => {
      const range = document.createRange();
      range.selectNodeContents(s);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return getSelection()?.toString() ?? "";
    });
    expect(selected.toLowerCase()).toContain(word);
    // The span sits over the word's glyphs: inside the page, not at its corner.
    const where = await page.$eval(".textLayer span.match", (s) => {
      const r = s.getBoundingClientRect();
      const p = (s.closest(".paper") as HTMLElement).getBoundingClientRect();
      return { x: (r.left - p.left) / p.width, y: (r.top - p.top) / p.height, h: r.height };
    });
    expect(where.x).toBeGreaterThan(0.02);
    expect(where.y).toBeGreaterThan(0.02);
    expect(where.h).toBeGreaterThan(4);
  });

  it("draws the canvas at twice the pixels on a 2× screen", async () => {
    const hi = await browser.newPage();
    await hi.setViewport({ width: 1000, height: 800, deviceScaleFactor: 2 });
    await hi.goto(`${preview.editionUrl}?view=page&page=1&zoom=100`);
    await shown(hi);
    const { width, css } = await hi.$eval(".sheets.single canvas", (c) => ({
      width: (c as HTMLCanvasElement).width,
      css: Number.parseFloat((c as HTMLCanvasElement).style.width),
    }));
    // Twice the CSS pixels, give or take the rounding of each.
    expect(Math.abs(width - css * 2)).toBeLessThanOrEqual(2);
    expect(width).toBeGreaterThan(1500);
    await hi.close();
  });
});
