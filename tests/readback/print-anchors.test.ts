// The rows' anchors that every measuring print carries leave no trace in the
// print that is kept: with the /Dests rewritten in place (rows dropped,
// headings in name order, same length), a print made with the anchors has the
// bytes of one made without, dates aside. Real Chromium, April's built HTML
// (its long tables are what the anchors are for).
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";
import { loadForPrint, printPdf } from "../../src/browser/print-page.js";
import { projectPaths } from "../../src/paths.js";
import { ANCHOR_PREFIX, addPrintAnchors, keptPrint, removePrintAnchors, withoutAnchors } from "../../src/readback/print-anchors.js";
import { printedPages } from "../../src/readback/printed-pages.js";
import { built } from "../support/built-editions.js";

// Chromium stamps each print with the time it was made; finishing replaces both dates.
const undated = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString("latin1")
    .replace(/\/(CreationDate|ModDate) \(D:\d{14}[^)]*\)/g, "/$1 ()");

describe("the rows' anchors", () => {
  let session: BrowserSession;
  let bare: Uint8Array;
  let anchored: Uint8Array;
  let after: Uint8Array;

  beforeAll(async () => {
    session = new BrowserSession();
    const html = built("2026-04", "en").html;
    await session.withPage(async (page) => {
      const p = projectPaths;
      await loadForPrint(page, {
        htmlFile: html,
        allowedRoots: [p.templates, p.assets, path.join(p.root, "node_modules", "@fontsource"), path.dirname(html)],
      });
      bare = await printPdf(page);
      await addPrintAnchors(page);
      anchored = await printPdf(page);
      await removePrintAnchors(page);
      after = await printPdf(page);
    });
  });
  afterAll(() => session.close());

  it("give every table row its page in the print that carries them", async () => {
    const rows = [...(await printedPages(anchored)).keys()].filter((n) => n.startsWith(ANCHOR_PREFIX));
    expect(rows.length).toBeGreaterThan(20);
    expect([...(await printedPages(bare)).keys()].some((n) => n.startsWith(ANCHOR_PREFIX))).toBe(false);
    // The headings' pages are the same with or without them.
    expect(withoutAnchors(await printedPages(anchored))).toEqual(withoutAnchors(await printedPages(bare)));
  });

  it("change nothing but the /Dests of a print, which the kept print puts back in one order", () => {
    expect(undated(anchored)).not.toBe(undated(bare));
    expect(anchored.length).toBeGreaterThan(bare.length);
    const kept = keptPrint(anchored);
    expect(kept.length).toBe(anchored.length);
    // The kept print is the bare one with its /Dests sorted, and spaces where the rows' entries were
    // (the offsets after it grow by as much, hence the cross-reference table left out).
    const body = (pdf: Uint8Array) =>
      undated(pdf)
        .replace(/ +>>/g, ">>")
        .replace(/\nxref\n[\s\S]*$/, "");
    expect(body(kept)).toBe(body(keptPrint(bare)));
    expect(keptPrint(bare).length).toBe(bare.length);
    // Taking them out again gives the bare print back.
    expect(undated(keptPrint(after))).toBe(undated(keptPrint(bare)));
  });

  it("leave a kept print that reads as a PDF with the headings' destinations only", async () => {
    const doc = await PDFDocument.load(keptPrint(anchored), { updateMetadata: false });
    const names = [...(await printedPages(doc)).keys()];
    expect(names.length).toBeGreaterThan(10);
    expect(names.some((n) => n.startsWith(ANCHOR_PREFIX))).toBe(false);
    expect([...names].sort()).toEqual(names);
  });
});
