// The print-shop PDF read back: page boxes, crop marks outside the bleed, no
// live links, and each page identical, within the trim, to the digital one.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, type PDFRawStream } from "pdf-lib";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, type JobResult } from "../../src/pipeline/build-edition.js";
import { readPageTexts } from "../../src/preflight/pdf-text.js";
import { built } from "../support/built-editions.js";

const MM = 72 / 25.4;
const DPI = 50;
const A4 = [595.28, 841.89];
const work = mkdtempSync(path.join(os.tmpdir(), "print-profile-"));
let job: JobResult;
let print: PDFDocument;
const digital = built("2026-04", "en");

beforeAll(async () => {
  const result = await build({ editions: ["2026-04"], profile: "print", outputDir: work });
  job = result.jobs[0];
  print = await PDFDocument.load(readFileSync(job.pdf as string), { updateMetadata: false });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const box = (doc: PDFDocument, page: number, name: string) =>
  doc
    .getPage(page)
    .node.lookup(PDFName.of(name), PDFArray)
    .asArray()
    .map((n) => (n as PDFNumber).asNumber());

/** Line segments (x0 y0 x1 y1) of the marks stream: the last content stream of a page. */
function markSegments(doc: PDFDocument, page: number): number[][] {
  const contents = doc.getPage(page).node.lookup(PDFName.of("Contents"), PDFArray);
  const last = doc.context.lookup(contents.get(contents.size() - 1)) as PDFRawStream;
  const text = Buffer.from(decodePDFRawStream(last).decode()).toString("latin1");
  return [...text.matchAll(/([-\d.]+)\s+([-\d.]+)\s+m\s+([-\d.]+)\s+([-\d.]+)\s+l\s+S/g)].map((m) => m.slice(1).map(Number));
}

function render(pdf: string, page: number, dir: string, extra: string[] = []): PNG {
  execFileSync("pdftoppm", ["-png", "-r", String(DPI), "-f", String(page), "-l", String(page), ...extra, pdf, path.join(dir, "p")]);
  const file = readdirSync(dir).find((f) => f.startsWith("p") && f.endsWith(".png")) as string;
  const png = PNG.sync.read(readFileSync(path.join(dir, file)));
  rmSync(path.join(dir, file));
  return png;
}

describe("the print profile (2026-04, en)", () => {
  it("is written as <id>-<lang>-print.pdf, with the same pages as the digital edition", () => {
    expect(path.basename(job.pdf as string)).toBe("2026-04-en-print.pdf");
    expect(job.pages).toBe(digital.report.pages);
  });

  it("sets an A4 TrimBox and a BleedBox 3 mm larger on every side, inside the MediaBox", () => {
    for (let i = 0; i < print.getPageCount(); i++) {
      const trim = box(print, i, "TrimBox");
      const bleed = box(print, i, "BleedBox");
      const media = box(print, i, "MediaBox");
      expect(Math.abs(trim[2] - trim[0] - A4[0]), `page ${i + 1} trim width`).toBeLessThan(1);
      expect(Math.abs(trim[3] - trim[1] - A4[1]), `page ${i + 1} trim height`).toBeLessThan(1);
      for (const side of [0, 1]) expect(trim[side] - bleed[side]).toBeCloseTo(3 * MM, 2);
      for (const side of [2, 3]) expect(bleed[side] - trim[side]).toBeCloseTo(3 * MM, 2);
      expect(media[0]).toBeLessThan(bleed[0]);
      expect(media[1]).toBeLessThan(bleed[1]);
      expect(media[2]).toBeGreaterThan(bleed[2]);
      expect(media[3]).toBeGreaterThan(bleed[3]);
    }
  });

  it("draws eight crop marks per page, on the trim lines, outside the BleedBox and inside the sheet", () => {
    for (let i = 0; i < print.getPageCount(); i++) {
      const [tx0, ty0, tx1, ty1] = box(print, i, "TrimBox");
      const [bx0, by0, bx1, by1] = box(print, i, "BleedBox");
      const [mx0, my0, mx1, my1] = box(print, i, "MediaBox");
      const marks = markSegments(print, i);
      expect(marks).toHaveLength(8);
      for (const [x0, y0, x1, y1] of marks) {
        const onTrim =
          (x0 === x1 && [tx0, tx1].some((t) => Math.abs(t - x0) < 0.01)) || (y0 === y1 && [ty0, ty1].some((t) => Math.abs(t - y0) < 0.01));
        expect(onTrim, `page ${i + 1}: ${[x0, y0, x1, y1]}`).toBe(true);
        const [lx, hx, ly, hy] = [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
        const insideBleed = lx < bx1 && hx > bx0 && ly < by1 && hy > by0;
        expect(insideBleed, `page ${i + 1}: mark ${[x0, y0, x1, y1]} enters the BleedBox`).toBe(false);
        expect(lx >= mx0 && hx <= mx1 && ly >= my0 && hy <= my1).toBe(true);
      }
    }
  });

  it("sets every run of text at the same place relative to the trim as the digital edition", async () => {
    const digitalDoc = await PDFDocument.load(readFileSync(digital.pdf), { updateMetadata: false });
    const [a, b] = [readPageTexts(digitalDoc), readPageTexts(print)];
    for (let i = 0; i < a.length; i++) {
      const [x0, y0] = box(print, i, "TrimBox");
      const moved = b[i].runs.map((r) => `${r.str}@${(r.x - x0).toFixed(2)},${(r.y - y0).toFixed(2)}`);
      expect(moved, `page ${i + 1}`).toEqual(a[i].runs.map((r) => `${r.str}@${r.x.toFixed(2)},${r.y.toFixed(2)}`));
    }
  });

  it("renders every page as the digital edition within the trim", async () => {
    // A copy whose sheet is the TrimBox renders the trimmed page. The two files
    // place every glyph at the same point (test above) from different page
    // origins; the rasteriser snaps glyphs to quarter pixels, and a few land
    // on the other side of a snap: hence a tolerance well under what a
    // displacement of one pixel (0.5 mm at 50 dpi) gives on any page (> 0.5 %).
    const trimmed = await PDFDocument.load(readFileSync(job.pdf as string), { updateMetadata: false });
    for (const page of trimmed.getPages()) {
      const trim = page.node.lookup(PDFName.of("TrimBox"), PDFArray);
      page.node.set(PDFName.of("MediaBox"), trim);
      page.node.set(PDFName.of("CropBox"), trim);
    }
    const trimmedFile = path.join(work, "trimmed.pdf");
    writeFileSync(trimmedFile, await trimmed.save());
    const failures: string[] = [];
    for (let p = 1; p <= print.getPageCount(); p++) {
      const a = render(digital.pdf, p, work);
      const b = render(trimmedFile, p, work);
      expect([b.width, b.height], `page ${p} size`).toEqual([a.width, a.height]);
      // Whole pixels only: the last column and row are partly off the page.
      const [x0, y0, x1, y1] = box(print, p - 1, "TrimBox");
      const [w, h] = [Math.floor(((x1 - x0) * DPI) / 72), Math.floor(((y1 - y0) * DPI) / 72)];
      const [ca, cb] = [a, b].map((img) => {
        const out = new PNG({ width: w, height: h });
        PNG.bitblt(img, out, 0, 0, w, h, 0, 0);
        return out;
      });
      const share = pixelmatch(ca.data, cb.data, undefined, w, h, { threshold: 0.1 }) / (w * h);
      if (share > 0.004) failures.push(`page ${p}: ${(share * 100).toFixed(2)} % of the pixels differ`);
    }
    expect(failures).toEqual([]);
  });

  it("paints the covers' background into the bleed", () => {
    // 2 pt inside the BleedBox on the left of the cover: navy, not paper.
    const cover = render(job.pdf as string, 1, work);
    const media = box(print, 0, "MediaBox");
    const bleed = box(print, 0, "BleedBox");
    const x = Math.round(((bleed[0] + 2 - media[0]) * 50) / 72);
    const y = Math.round(cover.height / 2);
    const [r, g, b] = cover.data.subarray((y * cover.width + x) * 4, (y * cover.width + x) * 4 + 3);
    expect(r + g + b).toBeLessThan(3 * 100);
  });

  it("has no live links, and keeps the tag structure, the bookmarks and the language", async () => {
    for (const page of print.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
      const links = (annots?.asArray() ?? []).filter(
        (a) => print.context.lookupMaybe(a, PDFDict)?.get(PDFName.of("Subtype"))?.toString() === "/Link",
      );
      expect(links).toEqual([]);
    }
    const digitalDoc = await PDFDocument.load(readFileSync(digital.pdf), { updateMetadata: false });
    const digitalLinks = digitalDoc.getPages().flatMap((p) => p.node.lookupMaybe(PDFName.of("Annots"), PDFArray)?.asArray() ?? []);
    expect(digitalLinks.length).toBeGreaterThan(0);
    expect(print.catalog.has(PDFName.of("StructTreeRoot"))).toBe(true);
    expect(print.catalog.has(PDFName.of("Outlines"))).toBe(true);
    expect(job.bookmarks).toBe(digital.report.bookmarks);
    expect(print.catalog.lookup(PDFName.of("Lang"))?.toString()).toContain("en");
  });

  it("passes preflight with no errors, as the digital edition does", () => {
    expect((job.preflight ?? []).filter((f) => f.severity === "error")).toEqual([]);
  });
});
