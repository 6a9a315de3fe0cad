// The preview end to end, in a real headless Chromium: a server over a
// throwaway copy of the project, a viewer tab, and edits to the copy's files.
import { readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/browser/find-chromium.js";
import { type PreviewServer, startPreview } from "../../src/preview/start-preview.js";
import { settledAfter } from "../support/preview-tab.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

/** The request exactly as written: no client normalises the path on the way. */
function rawGet(port: number, target: string, host = `127.0.0.1:${port}`): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.end(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (d) => {
      text += d;
    });
    socket.on("end", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
    socket.on("error", reject);
  });
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++)
    text += `${(await (await doc.getPage(i)).getTextContent()).items.map((t) => ("str" in t ? t.str : "")).join(" ")}\n`;
  await doc.loadingTask.destroy();
  return text;
}

const html = (page: Page, key: string) => page.evaluate((k) => document.documentElement.dataset[k] ?? null, key);

describe("npm run preview", () => {
  let project: ProjectCopy;
  let preview: PreviewServer;
  let browser: Browser;
  let page: Page;
  let port: number;
  const cspViolations: string[] = [];
  const file = (...parts: string[]) => path.join(project.paths.root, ...parts);

  beforeAll(async () => {
    project = copyProject();
    preview = await startPreview({ paths: project.paths, port: 0, edition: "2026-04", outputDir: file("preview-out") });
    port = Number(new URL(preview.url).port);
    browser = await puppeteer.launch({
      executablePath: findChromium(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.close();
    project?.remove();
  });

  it("listens on 127.0.0.1 unless told otherwise", () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(preview.editionUrl).toBe(`${preview.url}#/2026-04/en`);
  });

  it("shows the edition's real PDF pages, one at a time and as a grid", async () => {
    await page.goto(`${preview.editionUrl}?view=page&page=3`);
    await page.waitForSelector("html[data-shown-version='1']", { timeout: 90_000 });
    const pdf = new Uint8Array(await (await fetch(`${preview.url}pdf/2026-04/en.pdf`)).arrayBuffer());
    const pages = (await getDocument({ data: pdf.slice() }).promise).numPages;
    expect(pages).toBeGreaterThan(10);
    expect(await page.$eval("#page-indicator", (e) => e.textContent)).toBe(`3 / ${pages}`);
    expect(await page.$$eval(".sheets.single .sheet canvas", (c) => c.length)).toBe(1);

    await page.click("#view-grid");
    await page.waitForFunction((n) => document.querySelectorAll(".sheets.grid .sheet canvas").length === n, {}, pages);
    await page.click("#outlines");
    expect(await page.$$eval(".guides", (g) => g.filter((s) => getComputedStyle(s).display !== "none").length)).toBe(pages);
    // Back to page 3, where the editorial starts.
    await page.click(".sheets.grid .sheet[data-page='3'] .paper");
    await page.waitForSelector(".sheets.single .sheet[data-page='3']");
    expect(new URL(page.url()).hash).toBe("#/2026-04/en?view=page&page=3&outlines=1");
  });

  it("redraws the page in place when a template is saved", async () => {
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    const before = await page.$eval(".sheet canvas", (c) => (c as HTMLCanvasElement).toDataURL());
    const template = file("templates", "sections", "editorial.hbs");
    const source = readFileSync(template, "utf8");
    writeFileSync(
      template,
      source.replace('<header class="section-head">', '<header class="section-head">\n    <p class="kicker">Preview marker</p>'),
    );

    await page.waitForSelector("html[data-shown-version='2']", { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await html(page, "page")).toBe("3");
    const after = await page.$eval(".sheet canvas", (c) => (c as HTMLCanvasElement).toDataURL());
    expect(after).not.toBe(before);
    const pdf = new Uint8Array(await (await fetch(`${preview.url}pdf/2026-04/en.pdf`)).arrayBuffer());
    // The kicker is letter-spaced capitals: compare without the spaces.
    expect((await pdfText(pdf)).replace(/\s+/g, "")).toContain("PREVIEWMARKER");
  });

  it("shows a broken manifest as an overlay at the right line, over the last good pages, and clears it once fixed", async () => {
    // The template save above is settled (its first print, then the build's PDF).
    const lastGood = String(await settledAfter(page, 1));
    const manifest = file("editions", "2026-04", "en.yaml");
    const good = readFileSync(manifest, "utf8");
    const lines = good.split("\n");
    const index = lines.findIndex((l) => /^\s+- stage: J0$/.test(l));
    lines[index] = lines[index].replace("J0", "J5");
    writeFileSync(manifest, lines.join("\n"));

    await page.waitForSelector("html[data-problems]", { timeout: 60_000 });
    const where = await page.$eval(".problem .where", (e) => e.textContent);
    expect(where).toBe(`editions/2026-04/en.yaml:${index + 1}:${lines[index].indexOf("J5") + 1}`);
    expect(await page.$eval(".problem .message", (e) => e.textContent)).toMatch(/stage: expected .*J3.*got "J5"/);
    expect(await page.$eval(".problem pre", (e) => e.textContent)).toMatch(new RegExp(`^> +${index + 1} \\| +- stage: J5$`, "m"));
    // The last good pages stay below the overlay, and the server keeps running.
    expect(await page.$$eval(".sheet canvas", (c) => c.length)).toBe(1);
    expect(await html(page, "shownVersion")).toBe(lastGood);
    expect((await fetch(preview.url)).status).toBe(200);

    writeFileSync(manifest, good);
    await page.waitForFunction(() => !document.documentElement.dataset.problems, { timeout: 60_000 });
    expect(await page.$eval("#problems", (e) => (e as HTMLElement).hidden)).toBe(true);
  });

  it("shows a template syntax error with its file and line", async () => {
    const template = file("templates", "sections", "editorial.hbs");
    const good = readFileSync(template, "utf8");
    const lines = good.split("\n");
    lines.splice(2, 0, "    <p>{{s.kicker}</p>");
    writeFileSync(template, lines.join("\n"));
    await page.waitForSelector("html[data-problems]", { timeout: 60_000 });
    expect(await page.$eval(".problems h2", (e) => e.textContent)).toBe("Template error");
    expect(await page.$eval(".problem .where", (e) => e.textContent)).toMatch(/^templates\/sections\/editorial\.hbs:3:\d+$/);
    expect(await page.$eval(".problem pre", (e) => e.textContent)).toMatch(/^> +3 \| +<p>\{\{s\.kicker\}<\/p>$/m);
    writeFileSync(template, good);
    await page.waitForFunction(() => !document.documentElement.dataset.problems, { timeout: 60_000 });
  });

  it("refuses paths outside what the preview serves, however they are spelt", async () => {
    for (const target of [
      "/../package.json",
      "/%2e%2e/package.json",
      "/%2E%2E/package.json",
      "/%2e%2e%2fpackage.json",
      "/..%2fpackage.json",
      "/%252e%252e/package.json",
      "/client/..%5c..%5c..%5cpackage.json",
      "/client/..\\..\\..\\package.json",
      "/client/%00",
      "/vendor/../../package.json",
      "/package.json",
      "/node_modules/pdfjs-dist/package.json",
      "/editions/2026-04/en.yaml",
    ]) {
      const res = await rawGet(port, target);
      expect([400, 404], target).toContain(res.status);
      expect(res.text, target).not.toContain("secnumcloud-observatory");
    }
    expect((await rawGet(port, "/", `attacker.example:${port}`)).status).toBe(403);
    expect((await fetch(`${preview.url}api/editions`, { method: "POST" })).status).toBe(405);
  });

  it("serves its page with a Content-Security-Policy that allows only its own scripts", async () => {
    const res = await fetch(preview.url);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(cspViolations).toEqual([]);
  });
});
