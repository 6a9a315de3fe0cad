// Layout: every page of every edition, rendered to PNG, compared with the
// committed reference images within a tolerance. After an intended change:
//   npm run test:update-images   (then look at the new images and commit them)
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { built, EDITIONS } from "../support/built-editions.js";

const UPDATE = process.env.UPDATE_REFERENCE_IMAGES === "1";
const DPI = 30;
/** Share of a page's pixels allowed to differ (anti-aliasing, not layout). */
const TOLERANCE = 0.005;
const referenceRoot = path.join(projectRoot, "tests", "layout", "reference");
const diffRoot = path.join(projectRoot, "tests", ".out", "layout-diff");
const work = mkdtempSync(path.join(os.tmpdir(), "pages-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function renderPages(pdf: string, name: string): string[] {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  execFileSync("pdftoppm", ["-png", "-r", String(DPI), pdf, path.join(dir, "page")]);
  return readdirSync(dir)
    .sort()
    .map((f) => path.join(dir, f));
}

/** Share of differing pixels, and the diff image. */
function compare(actual: PNG, expected: PNG): { ratio: number; diff: PNG } {
  const diff = new PNG({ width: expected.width, height: expected.height });
  if (actual.width !== expected.width || actual.height !== expected.height) return { ratio: 1, diff };
  const n = pixelmatch(actual.data, expected.data, diff.data, expected.width, expected.height, { threshold: 0.1 });
  return { ratio: n / (expected.width * expected.height), diff };
}

describe.each(EDITIONS)("pages of $id ($language)", ({ id, language }) => {
  const name = `${id}-${language}`;
  const refDir = path.join(referenceRoot, name);

  it("match the reference images", () => {
    const pages = renderPages(built(id, language).pdf, name);
    if (UPDATE) {
      rmSync(refDir, { recursive: true, force: true });
      mkdirSync(refDir, { recursive: true });
      pages.forEach((p, i) => {
        writeFileSync(path.join(refDir, `page-${String(i + 1).padStart(2, "0")}.png`), readFileSync(p));
      });
    }
    expect(existsSync(refDir), `no reference images for ${name}: run npm run test:update-images`).toBe(true);
    const refs = readdirSync(refDir).sort();
    expect(pages.length, "page count").toBe(refs.length);
    const failures: string[] = [];
    pages.forEach((p, i) => {
      const { ratio, diff } = compare(PNG.sync.read(readFileSync(p)), PNG.sync.read(readFileSync(path.join(refDir, refs[i]))));
      if (ratio > TOLERANCE) {
        mkdirSync(path.join(diffRoot, name), { recursive: true });
        writeFileSync(path.join(diffRoot, name, refs[i]), PNG.sync.write(diff));
        failures.push(`page ${i + 1}: ${(ratio * 100).toFixed(2)}% of pixels differ (diff in tests/.out/layout-diff/${name}/${refs[i]})`);
      }
    });
    expect(failures).toEqual([]);
  });
});

describe("the comparison", () => {
  it("notices a page that is not the same page", () => {
    const refDir = path.join(referenceRoot, "2026-04-en");
    const [a, b] = ["page-03.png", "page-04.png"].map((f) => PNG.sync.read(readFileSync(path.join(refDir, f))));
    expect(compare(a, b).ratio).toBeGreaterThan(TOLERANCE * 4);
    expect(compare(a, a).ratio).toBe(0);
  });
});
