// Values marked `{ unknown: … }` (tests/fixtures/placeholder): the build refuses
// them with their place and what to fill in; a draft build and the preview print
// them, highlighted, in a real Chromium; a page that is not a draft never shows one.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";
import { pathsFor, projectPaths, projectRoot } from "../../src/paths.js";
import { build } from "../../src/pipeline/build-edition.js";
import { startPreview } from "../../src/preview/start-preview.js";
import { renderEditionHtml } from "../../src/render/edition-html.js";
import { PlaceholderInPageError } from "../../src/render/placeholder-marks.js";
import { observatory } from "../support/observatory.js";
import { copyProject } from "../support/project-copy.js";

const fixtures = path.join(projectRoot, "tests/fixtures/placeholder");
const manifest = path.join(fixtures, "2026-04", "en.yaml");
const out = mkdtempSync(path.join(os.tmpdir(), "placeholder-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

// As printed: the page is typeset, so the apostrophe is ’.
const OFFER = "[name of Bleu’s IaaS offer (logo lost)]";
const DATE = "[date of the J2 press release, to confirm]";

function pdfText(file: string): string {
  return spawnSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).stdout;
}

/** Pixels of the draft highlight (#fff1a8) on a page rendered at 80 dpi. */
function highlightPixels(file: string, page: number): number {
  const r = spawnSync("pdftoppm", ["-r", "80", "-png", "-f", String(page), "-l", String(page), file], { maxBuffer: 1 << 26 });
  const png = PNG.sync.read(r.stdout);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (Math.abs(png.data[i] - 0xff) < 6 && Math.abs(png.data[i + 1] - 0xf1) < 6 && Math.abs(png.data[i + 2] - 0xa8) < 6) n++;
  return n;
}

function pageOf(file: string, needle: string): number {
  const pages = pdfText(file).split("\f");
  return pages.findIndex((p) => p.includes(needle)) + 1;
}

describe("a manifest with placeholders", () => {
  it("is refused by build:edition with each placeholder's place and what to fill in, and nothing is written", () => {
    const r = observatory(["build", "--editions-dir", "tests/fixtures/placeholder", "--out-dir", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `tests/fixtures/placeholder/2026-04/en.yaml:31:20  sections[3].models[0].in_progress[0].offer: expected a value to print, got a placeholder: fill in "name of Bleu's IaaS offer (logo lost)" (a draft, --draft, prints it highlighted)`,
    );
    expect(r.stderr).toContain(
      'tests/fixtures/placeholder/2026-04/en.yaml:42:20  sections[3].models[1].in_progress[0].since: expected a value to print, got a placeholder: fill in "date of the J2 press release, to confirm"',
    );
    expect(readdirSync(out)).toEqual([]);
  });

  it("is printed by a draft build, each placeholder highlighted", async () => {
    const result = await build({ paths: { ...projectPaths, editions: fixtures }, outputDir: out, draft: true, preflight: false });
    const pdf = result.jobs[0].pdf as string;
    const text = pdfText(pdf);
    expect(text).toContain(OFFER);
    expect(text).toContain(DATE);
    expect(readFileSync(result.jobs[0].html, "utf8")).toContain(`<mark class="placeholder" title="name of Bleu’s IaaS offer (logo lost)">`);
    expect(highlightPixels(pdf, pageOf(pdf, OFFER))).toBeGreaterThan(100);
  });

  it("never reaches a page that is not a draft", async () => {
    const { edition } = await loadManifest(manifest);
    const options = { templatesDir: projectPaths.templates, assetsDir: projectPaths.assets, htmlDir: out };
    expect(() => renderEditionHtml(edition, options)).toThrow(PlaceholderInPageError);
    expect(renderEditionHtml(edition, { ...options, draft: true }).html).toContain('<mark class="placeholder"');
  });

  it("is shown highlighted by the preview", async () => {
    const project = copyProject();
    copyFileSync(manifest, path.join(project.paths.editions, "2026-04", "en.yaml"));
    const preview = await startPreview({
      paths: pathsFor(project.paths.root),
      port: 0,
      edition: "2026-04",
      outputDir: path.join(out, "preview"),
    });
    try {
      await preview.idle();
      const bytes = new Uint8Array(await (await fetch(`${preview.url}pdf/2026-04/en.pdf`)).arrayBuffer());
      const file = path.join(out, "preview.pdf");
      writeFileSync(file, bytes);
      expect(pdfText(file)).toContain(OFFER);
      expect(highlightPixels(file, pageOf(file, OFFER))).toBeGreaterThan(100);
    } finally {
      await preview.close();
      project.remove();
    }
  });
});
