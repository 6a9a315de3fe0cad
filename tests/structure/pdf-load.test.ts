// Every PDF the code reads with pdf-lib goes through src/runtime/load-pdf.ts,
// which parses without pdf-lib's pauses (a timer turn every 100 objects): a
// PDFDocument.load() elsewhere would bring them back unnoticed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { loadPdf } from "../../src/runtime/load-pdf.js";

const src = path.resolve(import.meta.dirname, "../../src");

describe("PDFs are loaded one way", () => {
  it("calls PDFDocument.load only in src/runtime/load-pdf.ts", () => {
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".ts"));
    const callers = files.filter((f) => /PDFDocument\s*\.\s*load\s*\(/.test(readFileSync(path.join(src, f), "utf8")));
    expect(callers).toEqual([path.join("runtime", "load-pdf.ts")]);
  });

  it("parses a PDF in one go: no timer turn of this process runs during the parse", async () => {
    // April as built by the suite's set-up (tests/global-setup.ts): about 1,200 objects.
    const pdf = readFileSync(path.join(inject("builtDir"), "2026-04", "2026-04-en.pdf"));
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const doc = await loadPdf(pdf);
    clearInterval(timer);
    expect(doc.getPageCount()).toBeGreaterThan(0);
    expect(turns).toBe(0);
  });
});
