// `observatory images` as a person runs it (the compiled command), on the
// editions the test run built: the PNG is the asked width, and it matches the
// same page drawn by another renderer (MuPDF) within the layout tests' tolerance.
// Chromium draws it: no poppler is needed, so the first case runs without one on the PATH.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { describe, expect, inject, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

/** A copy of the built 2026-04 edition, so the images never land in the shared build. */
function builtCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "images-"));
  cpSync(path.join(inject("builtDir"), "2026-04"), path.join(dir, "2026-04"), { recursive: true });
  return dir;
}

const images = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [path.join(projectRoot, "bin", "observatory.js"), "images", ...args], { encoding: "utf8", env });

describe("observatory images", () => {
  it("writes a 1200 px PNG of the cover that matches the PDF page drawn by MuPDF, with no pdftoppm on the PATH", () => {
    const out = builtCopy();
    const noPoppler = { ...process.env, PATH: "/nonexistent" };
    const run = images(["2026-04", "--pages", "1,9", "--width", "1200", "--lang", "en", "--out-dir", out], noPoppler);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const dir = path.join(out, "2026-04", "2026-04-en-images");
    expect(readdirSync(dir).sort()).toEqual(["2026-04-en-p01.png", "2026-04-en-p09.png"]);
    const ours = PNG.sync.read(readFileSync(path.join(dir, "2026-04-en-p01.png")));
    expect(ours.width).toBe(1200);
    // A4 proportions (1200 x 1697.1), within the rounding of the page box to whole points.
    expect(Math.abs(ours.height - 1200 * Math.SQRT2)).toBeLessThan(3);
    const ref = path.join(out, "mupdf.png");
    execFileSync("mutool", ["draw", "-q", "-w", "1200", "-o", ref, path.join(out, "2026-04", "2026-04-en.pdf"), "1"]);
    const theirs = PNG.sync.read(readFileSync(ref));
    const width = Math.min(ours.width, theirs.width);
    const height = Math.min(ours.height, theirs.height);
    const crop = (p: PNG) => {
      const c = new PNG({ width, height });
      PNG.bitblt(p, c, 0, 0, width, height, 0, 0);
      return c.data;
    };
    const differing = pixelmatch(crop(ours), crop(theirs), undefined, width, height, { threshold: 0.1 });
    expect(differing / (width * height)).toBeLessThan(0.01);
  });

  it("refuses a page the PDF does not have and writes nothing", () => {
    const out = builtCopy();
    const run = images(["2026-04", "--pages", "1,99", "--lang", "en", "--out-dir", out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("no page 99");
    expect(readdirSync(path.join(out, "2026-04")).some((f) => f.includes("images"))).toBe(false);
  });

  it("names the build to run when the edition is not built, and rejects a bad width", () => {
    const out = mkdtempSync(path.join(tmpdir(), "images-"));
    const none = images(["2026-04", "--out-dir", out]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("npm run build:edition -- 2026-04");
    const bad = images(["2026-04", "--width", "12px", "--out-dir", out]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--width");
  });
});
