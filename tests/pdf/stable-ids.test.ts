// Two prints of the same page can number Chromium's structure elements
// differently; finishing must give the same bytes anyway.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withBrowser } from "../../src/browser/browser-session.js";
import { loadForPrint, printPdf } from "../../src/browser/print-page.js";
import { projectRoot } from "../../src/paths.js";
import { finishPdf } from "../../src/pdf/finish.js";
import { stableIdMap } from "../../src/pdf/stable-ids.js";
import { built } from "../support/built-editions.js";

/** The same PDF with every node id moved by `by`, as a later print would number them (same byte length). */
function shiftIds(raw: Uint8Array, by: number): Uint8Array {
  const text = Buffer.from(raw)
    .toString("latin1")
    .replace(/\(node(\d{8})\)/g, (_, n: string) => `(node${String(Number(n) + by).padStart(8, "0")})`);
  return Buffer.from(text, "latin1");
}

describe("structure element ids", () => {
  it("are renumbered so that shifted ids give byte-identical output", async () => {
    const { html } = built("2026-04", "en");
    const raw = await withBrowser((s) =>
      s.withPage(async (page) => {
        await loadForPrint(page, { htmlFile: html, allowedRoots: [projectRoot, path.dirname(html)] });
        return printPdf(page);
      }),
    );
    expect(stableIdMap(raw).size).toBeGreaterThan(10);
    const shifted = shiftIds(raw, 1000);
    expect(Buffer.from(shifted).equals(Buffer.from(raw))).toBe(false);
    const options = {
      title: "t",
      author: "a",
      keywords: [],
      language: "en",
      creator: "c",
      producer: "p",
      date: new Date("2026-04-01T00:00:00Z"),
      headings: [],
      hasCover: true,
      hasBackCover: true,
      coverLabel: "Cover",
      backCoverLabel: "Back cover",
    };
    const a = await finishPdf(raw, options);
    const b = await finishPdf(shifted, options);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(Buffer.from(a.bytes).toString("latin1")).not.toMatch(/node0000027\d/);
    expect(readFileSync(html, "utf8")).toContain("<table");
  });
});
