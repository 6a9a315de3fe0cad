// The web edition as a reader's phone and desktop open it: from disk, in the
// project's Chromium, at 390 x 844 and 1440 x 900. No horizontal scroll, no
// request but the page itself, axe-core finds nothing; and a manifest that
// carries markup or script gets it printed as text, never run.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findChromium } from "../../src/browser/find-chromium.js";
import { coverImage, writePageImages } from "../../src/images/page-images.js";
import type { Edition } from "../../src/manifest/edition-schema.js";
import { parseManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";
import { renderEditionHtml } from "../../src/render/edition-html.js";
import { providerColumns } from "../../src/web/anchors.js";
import { webEdition } from "../../src/web/web-output.js";
import { EDITIONS } from "../support/built-editions.js";

const AXE = readFileSync(path.join(projectPaths.root, "node_modules/axe-core/axe.min.js"), "utf8");
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
];
let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(), args: ["--no-sandbox", "--disable-gpu"], pipe: true });
});
afterAll(() => browser?.close());

async function open(file: string, viewport: { width: number; height: number }) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const requests: string[] = [];
  const failed: string[] = [];
  // data: URIs (the inlined fonts) are in the page, not requests that leave it.
  page.on("request", (r) => {
    if (!r.url().startsWith("data:")) requests.push(r.url());
  });
  page.on("requestfailed", (r) => failed.push(r.url()));
  await page.goto(`file://${file}`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  return { page, requests, failed };
}

/**
 * Two drawings of the same page by Chromium's canvas: the same size, and at
 * most 0.1 % of pixels apart. Not the same bytes: when other tabs of the
 * browser are busy (the build prints while it draws), a few anti-aliased
 * pixels of the cover's arcs come out a shade apart (24 of 2 million seen).
 */
function expectSameDrawing(a: Buffer, b: Buffer): void {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  expect([x.width, x.height]).toEqual([y.width, y.height]);
  const differing = pixelmatch(x.data, y.data, undefined, x.width, x.height, { threshold: 0.1 });
  expect(differing / (x.width * x.height)).toBeLessThan(0.001);
}

/** A manifest as shipped, or with one text replaced, rendered to a web page in a temporary folder. */
function webPage(
  manifest: string,
  edit: (s: string) => string = (s) => s,
  // null: no sharing image (a default parameter would replace undefined).
  cover: { width: number; height: number } | null = { width: 1200, height: 1697 },
): { file: string; html: string; edition: Edition } {
  const full = path.join(projectPaths.root, manifest);
  const { edition, problems } = parseManifest(edit(readFileSync(full, "utf8")), full);
  expect(problems).toEqual([]);
  if (!edition) throw new Error("no edition");
  const htmlDir = path.join(projectPaths.output, edition.edition.id);
  const print = renderEditionHtml(edition, { templatesDir: projectPaths.templates, assetsDir: projectPaths.assets, htmlDir }).html;
  const html = webEdition(
    edition,
    print,
    { htmlDir, assetsDir: projectPaths.assets, templatesDir: projectPaths.templates },
    cover ?? undefined,
  );
  const file = path.join(mkdtempSync(path.join(tmpdir(), "web-edition-")), "web.html");
  writeFileSync(file, html);
  return { file, html, edition };
}

describe("web edition of each built edition", () => {
  for (const { id, language } of EDITIONS) {
    for (const viewport of VIEWPORTS) {
      it(`${id} ${language} at ${viewport.width} px: no scroll, no request, no axe violation`, async () => {
        const file = path.join(inject("builtDir"), id, `${id}-${language}-web.html`);
        const { page, requests, failed } = await open(file, viewport);
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        expect(widths[0]).toBeLessThanOrEqual(widths[1]);
        expect(requests).toEqual([`file://${file}`]);
        expect(failed).toEqual([]);
        // The fonts of the print are the ones used, from data: URIs.
        const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family));
        expect(fonts.some((f) => f.includes("Inter"))).toBe(true);
        expect(fonts.some((f) => f.includes("Source Serif 4"))).toBe(true);
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } };
          const result = await axe.run(document, {
            runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
          });
          return (result.violations as { id: string; nodes: unknown[] }[]).map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations).toEqual([]);
        const lang = await page.evaluate(() => document.documentElement.lang);
        expect(lang).toBe(language);
        await page.close();
      });
    }
  }

  for (const { id, language } of EDITIONS)
    it(`${id} ${language}: sharing tags name the edition and its cover, a PNG beside the page drawn as observatory images draws page 1`, async () => {
      const dir = path.join(inject("builtDir"), id);
      const { page } = await open(path.join(dir, `${id}-${language}-web.html`), VIEWPORTS[1]);
      const meta = Object.fromEntries(
        await page.evaluate(() =>
          [...document.querySelectorAll("meta[property], meta[name]")].map((m) => [
            m.getAttribute("property") ?? m.getAttribute("name"),
            m.getAttribute("content"),
          ]),
        ),
      );
      const title = await page.title();
      await page.close();
      expect(meta["og:title"]).toBe(title);
      expect(meta["twitter:title"]).toBe(title);
      expect(meta["og:description"]).toBe(meta.description);
      expect(meta["twitter:description"]).toBe(meta.description);
      expect(meta.description.length).toBeGreaterThan(40);
      expect(meta["og:locale"]).toBe(language === "fr" ? "fr_FR" : "en_GB");
      expect(meta["twitter:card"]).toBe("summary_large_image");
      expect(meta["og:image:alt"]).toContain(title);
      // Relative, beside the page: nothing to fetch from anywhere else.
      expect(meta["og:image"]).toBe(`${id}-${language}-cover.png`);
      expect(meta["twitter:image"]).toBe(meta["og:image"]);
      const cover = readFileSync(path.join(dir, meta["og:image"]));
      const png = PNG.sync.read(cover);
      expect([png.width, png.height]).toEqual([Number(meta["og:image:width"]), Number(meta["og:image:height"])]);
      expect(png.width).toBe(1200);
      const drawn = await writePageImages({
        pdf: path.join(dir, `${id}-${language}.pdf`),
        pages: [1],
        width: 1200,
        outDir: mkdtempSync(path.join(tmpdir(), "web-cover-")),
      });
      expectSameDrawing(readFileSync(drawn[0]), cover);
    });

  for (const { id, language } of EDITIONS)
    it(`${id} ${language}: an anchor for every section and every provider of the data, each id once`, async () => {
      const dir = path.join(inject("builtDir"), id);
      const { page } = await open(path.join(dir, `${id}-${language}-web.html`), VIEWPORTS[0]);
      const found = await page.evaluate(() => ({
        unanchored: [...document.querySelectorAll("main section")]
          .filter((s) => !s.id && !s.querySelector("h1, h2, h3")?.id)
          .map((s) => s.className),
        ids: [...document.querySelectorAll("[id]")].map((e) => e.id),
        providers: [...document.querySelectorAll("[id^='provider-']")].map((e) => [e.id, e.textContent?.trim()]),
      }));
      await page.close();
      expect(found.unanchored).toEqual([]);
      expect(found.ids.length).toBe(new Set(found.ids).size);
      const rows = parse(readFileSync(path.join(dir, `${id}-${language}-data`, "providers.csv")), { columns: true }) as Record<
        string,
        string
      >[];
      // One id may be printed under more than one name (OVH, OVH SAS): the anchor shows one of them.
      const expected = new Map<string, string[]>();
      for (const r of rows) expected.set(`provider-${r.provider_id}`, [...(expected.get(`provider-${r.provider_id}`) ?? []), r.provider]);
      expect(found.providers.map(([a]) => a).sort()).toEqual([...expected.keys()].sort());
      for (const [anchor, text] of found.providers)
        expect(
          expected.get(anchor as string)?.some((name) => text?.startsWith(name)),
          `${anchor}: ${text}`,
        ).toBe(true);
    });

  it("links the PDF and the data package beside it, and every contents entry reaches its section", async () => {
    const file = path.join(inject("builtDir"), "2026-04", "2026-04-en-web.html");
    const { page } = await open(file, VIEWPORTS[0]);
    const links = await page.evaluate(() => [...document.querySelectorAll(".web-bar a")].map((a) => (a as HTMLAnchorElement).href));
    expect(links.map((l) => path.relative(path.dirname(file), new URL(l).pathname))).toEqual([
      "2026-04-en.pdf",
      "2026-04-en-data/datapackage.json",
    ]);
    for (const l of links) expect(readFileSync(new URL(l)).length).toBeGreaterThan(0);
    const missing = await page.evaluate(() =>
      [...document.querySelectorAll("nav a[href^='#']")]
        .map((a) => a.getAttribute("href") as string)
        .filter((h) => !document.getElementById(h.slice(1))),
    );
    expect(missing).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll("main nav a").length)).toBeGreaterThan(5);
    await page.close();
  });
});

describe("web edition of a generated edition of 53 rows, long names and '&'", () => {
  it("fits a 360 px phone: the page never scrolls sideways, a table at most in its own region", async () => {
    const { file, edition } = webPage("tests/fixtures/long-edition/2026-09/fr.yaml");
    const { page, requests } = await open(file, { width: 360, height: 800 });
    // Every provider of the manifest has its anchor, and a link to it lands on the cell that names it.
    const ids = [
      ...new Set(
        providerColumns(edition)
          .flat()
          .flatMap((g) => [...g.inProgress, ...g.qualified]),
      ),
    ];
    expect(ids.length).toBeGreaterThan(20);
    const anchored = await page.evaluate(() => [...document.querySelectorAll("[id^='provider-']")].map((e) => e.id));
    expect(anchored.sort()).toEqual(ids.map((i) => `provider-${i}`).sort());
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    expect(requests).toHaveLength(1);
    const rows = await page.evaluate(() => document.querySelectorAll(".providers-table tbody tr").length);
    expect(rows).toBeGreaterThanOrEqual(50);
    await page.close();
  });
});

describe("a machine without poppler", () => {
  it("still draws the sharing image: Chromium draws it, as observatory images draws page 1", async () => {
    const pdf = path.join(inject("builtDir"), "2026-04", "2026-04-en.pdf");
    const PATH = process.env.PATH;
    process.env.PATH = mkdtempSync(path.join(tmpdir(), "no-poppler-"));
    try {
      const cover = await coverImage(readFileSync(pdf), 1200);
      expect([cover.width, PNG.sync.read(cover.png).width]).toEqual([1200, 1200]);
      const drawn = await writePageImages({ pdf, pages: [1], width: 1200, outDir: mkdtempSync(path.join(tmpdir(), "web-cover-")) });
      expectSameDrawing(readFileSync(drawn[0]), cover.png);
    } finally {
      process.env.PATH = PATH;
    }
  });

  it("a web edition given no sharing image has no image tags, a summary card", () => {
    const { html } = webPage("editions/2026-04/en.yaml", undefined, null);
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).toContain('<meta property="og:title" content="SecNumCloud Observatory — APRIL 2026 EDITION">');
    expect(html).not.toMatch(/og:image|twitter:image/);
  });
});

describe("markup in a manifest", () => {
  const evil = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2">`;
  it("is refused by the manifest schema before any page is made", () => {
    const full = path.join(projectPaths.root, "editions/2026-04/en.yaml");
    const source = readFileSync(full, "utf8").replace("title: What is it?", `title: 'What is it? ${evil}'`);
    expect(parseManifest(source, full).problems.map((p) => p.path)).toEqual(["sections[3].title"]);
  });

  it("'&', quotes and apostrophes in the label and subject reach the page as text, in its title and meta tags", async () => {
    const label = `AVRIL & "MAI" 'édition'`;
    const { file, html } = webPage("editions/2026-04/en.yaml", (s) =>
      s
        .replace("label: APRIL 2026 EDITION", `label: '${label.replace(/'/g, "''")}'`)
        .replace(/subject: ".*"/, `subject: '${label.replace(/'/g, "''")} & co'`),
    );
    expect(html).not.toMatch(/<script/i);
    const { page } = await open(file, VIEWPORTS[1]);
    const meta = await page.evaluate(() => document.querySelector('meta[name="description"]')?.getAttribute("content"));
    expect(meta?.replace(/[\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"')).toContain("& co");
    const og = await page.evaluate(() =>
      ["og:title", "og:description", "og:image:alt"].map((p) => document.querySelector(`meta[property="${p}"]`)?.getAttribute("content")),
    );
    expect(og[0]).toBe(await page.title());
    expect(og[0]).toContain("&");
    expect(og[1]).toBe(meta);
    expect(og[2]).toContain(og[0]);
    expect(await page.evaluate(() => document.querySelectorAll("body script, body img").length)).toBe(0);
    await page.close();
  });

  it("a script that slipped into the print HTML is dropped, and the CSP would refuse it anyway", async () => {
    const { html } = webPage("editions/2026-04/en.yaml");
    const file = path.join(mkdtempSync(path.join(tmpdir(), "web-edition-")), "csp.html");
    // Inserted after the transform, as a template mistake would: the CSP alone must stop it.
    writeFileSync(file, html.replace("</main>", `${evil}<script src="https://example.com/x.js"></script></main>`));
    const { page, failed } = await open(file, VIEWPORTS[1]);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // Chromium reports what the markup asked for as failed: the policy refused both, nothing was fetched.
    expect(failed.sort()).toEqual([`${path.dirname(`file://${file}`)}/x`, "https://example.com/x.js"]);
    await page.close();
  });
});
