// The size pass must not change what a reader sees or what tools read: pages
// rendered before and after are compared, text and structure too.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName } from "pdf-lib";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { withBrowser } from "../../src/browser/browser-session.js";
import { loadForPrint, printPdf } from "../../src/browser/print-page.js";
import { projectRoot } from "../../src/paths.js";
import { compactPdf } from "../../src/pdf/compact/compact-pdf.js";
import { serialize, tokenize } from "../../src/pdf/compact/content-tokens.js";
import { pruneFontTables } from "../../src/pdf/compact/font-tables.js";
import { mergeTextRuns } from "../../src/pdf/compact/text-runs.js";
import { built } from "../support/built-editions.js";

const work = mkdtempSync(path.join(os.tmpdir(), "compact-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function pages(pdf: string, name: string): PNG[] {
  execFileSync("pdftoppm", ["-png", "-r", "100", pdf, path.join(work, name)]);
  return readdirSync(work)
    .filter((f) => f.startsWith(`${name}-`))
    .sort()
    .map((f) => PNG.sync.read(readFileSync(path.join(work, f))));
}

describe("content streams", () => {
  it("tokenize and serialise strings, hex strings, arrays and dictionaries intact", () => {
    const src = "/Span<</ActualText <feff00ad> >> BDC\n(a \\) (nested) b) Tj [<00a1> -12 <00b2>] TJ EMC";
    expect(serialize(tokenize(src))).toBe("/Span <</ActualText <feff00ad> >> BDC\n(a \\) (nested) b) Tj\n[<00a1> -12 <00b2>] TJ\nEMC\n");
  });

  it("merge per-glyph moves into one TJ that lands every glyph where it was", () => {
    // Glyph 1 is 500 units wide, glyph 2 is 600; at 10 pt a move of 5.2 after glyph 1 is a 20-unit kern.
    const widths = new Map([["F1", (cid: number) => (cid === 1 ? 500 : 600)]]);
    const src = "BT /F1 10 Tf 1 0 0 -1 10 20 Tm <0001> Tj 5.2 0 Td <0002> Tj 6 0 Td <0001> Tj ET";
    expect(serialize(mergeTextRuns(tokenize(src), widths))).toBe(
      "BT\n/F1 10 Tf\n1 0 0 -1 10 20 Tm\n[<0001>-20<0002><0001>] TJ\n11.2 0 Td\nET\n",
    );
  });

  it("leave text alone when spacing operators make widths insufficient", () => {
    const widths = new Map([["F1", () => 500]]);
    const src = "BT /F1 10 Tf 2 Tc <0001> Tj 5 0 Td <0002> Tj ET";
    expect(serialize(mergeTextRuns(tokenize(src), widths))).toContain("5 0 Td\n<0002> Tj");
  });
});

describe("fonts", () => {
  it("keep only the tables a PDF viewer uses, with valid checksums", async () => {
    const doc = await PDFDocument.load(readFileSync(built("2026-04", "en").pdf));
    // The finished edition's fonts are already pruned: pruning again changes nothing.
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      const dict = (obj as { dict?: { has(n: PDFName): boolean } }).dict;
      if (!dict?.has(PDFName.of("Length1"))) continue;
      const { decodePDFRawStream } = await import("pdf-lib");
      const font = decodePDFRawStream(obj as never).decode();
      expect(Buffer.from(pruneFontTables(font)).equals(Buffer.from(font))).toBe(true);
      expect(Buffer.from(font).includes(Buffer.from("GPOS"))).toBe(false);
    }
  });
});

describe("a whole edition", () => {
  it("looks and reads the same after compaction, and is smaller", async () => {
    const { html } = built("2026-04", "en");
    const raw = await withBrowser((session) =>
      session.withPage(async (page) => {
        await loadForPrint(page, { htmlFile: html, allowedRoots: [projectRoot, path.dirname(html)] });
        return printPdf(page);
      }),
    );
    const doc = await PDFDocument.load(raw);
    const stats = compactPdf(doc);
    const small = await doc.save({ useObjectStreams: true });
    expect(stats.contentStreams).toBeGreaterThan(10);
    expect(stats.fonts).toBeGreaterThan(3);
    expect(small.length).toBeLessThan(raw.length * 0.7);
    writeFileSync(path.join(work, "raw.pdf"), raw);
    writeFileSync(path.join(work, "small.pdf"), small);
    const text = (f: string) => execFileSync("pdftotext", ["-raw", path.join(work, f), "-"], { encoding: "utf8" });
    // The same characters in the same order, less the soft hyphens Chromium left
    // inside words and the spaces readers put between letter-spaced letters.
    expect(text("raw.pdf")).toContain("\u00ad");
    expect(text("small.pdf")).not.toContain("\u00ad");
    const letters = (s: string) => s.replace(/[\u00ad\s]/g, "");
    expect(letters(text("small.pdf"))).toBe(letters(text("raw.pdf")));
    expect((await PDFDocument.load(small)).catalog.has(PDFName.of("StructTreeRoot"))).toBe(true);
    const before = pages(path.join(work, "raw.pdf"), "raw");
    const after = pages(path.join(work, "small.pdf"), "small");
    expect(after.length).toBe(before.length);
    before.forEach((b, i) => {
      const differing = pixelmatch(b.data, after[i].data, undefined, b.width, b.height, { threshold: 0.1 });
      // Sub-pixel rounding moves anti-aliasing at most; a moved glyph would cost thousands.
      expect(differing / (b.width * b.height), `page ${i + 1}`).toBeLessThan(0.001);
    });
  });
});
