// Each published edition, built once (globalSetup), read back as a reader's
// tools see it: pages, metadata, language, bookmarks, contents, fonts, labels.
import { readFileSync } from "node:fs";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";
import { NEAR_EMPTY, pageFill } from "../../src/readback/page-fill.js";
import { linesOfPages, readItems } from "../../src/readback/print-lines.js";
import { flattenHeadings, headingTree, placeSections } from "../../src/render/headings.js";
import { typeset } from "../../src/render/typography.js";
import { loadLabels } from "../../src/sections/labels.js";
import type { Heading } from "../../src/sections/section-kit.js";
import { built, EDITIONS } from "../support/built-editions.js";
import { paasOffersEntryFaults } from "../support/paas-contents.js";
import { catalogHas, fonts, infoString, normalise, pageText, readWithPdfJs, trailerId } from "../support/read-pdf.js";

// Issue 17's rules (warnings, so a build passes them): none may fire on a published edition.
const ISSUE_17_RULES = ["url-hyphen-break", "split-date", "name-hyphen-break", "heading-last-word", "half-empty-page", "near-empty-page"];

describe.each(EDITIONS)("edition $id ($language)", ({ id, language }) => {
  const b = built(id, language);
  const bytes = readFileSync(b.pdf);

  async function expected() {
    const { edition } = await loadManifest(`${projectPaths.editions}/${id}/${language}.yaml`);
    // Bookmarks and contents print the titles as typeset (c’est quoi ?).
    const typesetTree = (hs: Heading[]): Heading[] =>
      hs.map((h) => ({ ...h, title: typeset(h.title, edition.edition.language), children: typesetTree(h.children) }));
    const headings = typesetTree(headingTree(placeSections(edition, loadLabels(edition.edition.language))));
    return { edition, headings };
  }

  it("has the pages the report says, with covers and a contents page", async () => {
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(b.report.pages);
    expect(b.report.pages).toBeGreaterThanOrEqual(10);
    const [w, h] = [doc.getPage(1).getWidth(), doc.getPage(1).getHeight()];
    expect(Math.abs(w - 595.28)).toBeLessThan(1);
    expect(Math.abs(h - 841.89)).toBeLessThan(1);
  });

  it("carries its metadata and language", async () => {
    const { edition } = await expected();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // The label the editors typed in capitals for the cover is set in a title's case; the subject is typeset.
    expect(doc.getTitle()).toBe(
      {
        "2025-12": "Observatoire SecNumCloud — Édition décembre 2025",
        "2026-03": "SecNumCloud Observatory — March 2026 Edition",
        "2026-04": "SecNumCloud Observatory — April 2026 Edition",
      }[id],
    );
    expect(doc.getAuthor()).toBe(edition.edition.publisher);
    expect(doc.getSubject()).toBe(typeset(edition.edition.subject ?? "", edition.edition.language).replace(/[\u00a0\u202f]/g, " "));
    expect(doc.getSubject()).not.toMatch(/'/);
    expect(Buffer.from(bytes).toString("utf8")).toContain(`<rdf:li xml:lang="x-default">${doc.getTitle()}</rdf:li>`);
    expect(doc.getKeywords()).toBe(edition.edition.keywords?.join(", "));
    expect(doc.getCreator()).toMatch(/^secnumcloud-observatory \d+\.\d+\.\d+$/);
    expect(doc.getProducer()).toMatch(/Chrom.*pdf-lib/);
    expect(doc.getCreationDate()?.toISOString()).toBe(`${edition.edition.date}T00:00:00.000Z`);
    expect(infoString(doc, "Title")).toBe(doc.getTitle());
    expect(doc.catalog.lookup(PDFName.of("Lang"))?.toString()).toContain(language);
    const prefs = doc.catalog.lookup(PDFName.of("ViewerPreferences"), PDFDict);
    expect(prefs.get(PDFName.of("DisplayDocTitle"))?.toString()).toBe("true");
    const xmp = Buffer.from(bytes).toString("utf8");
    expect(xmp).toContain("<x:xmpmeta");
    expect(xmp).toContain(`<rdf:li>${language}</rdf:li>`);
    expect(trailerId(doc)).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/i);
  });

  it("keeps Chromium's tag structure through finishing", async () => {
    const doc = await PDFDocument.load(bytes);
    expect(catalogHas(doc, "StructTreeRoot")).toBe(true);
    expect(doc.catalog.lookup(PDFName.of("MarkInfo"), PDFDict).get(PDFName.of("Marked"))?.toString()).toBe("true");
  });

  it("has bookmarks nested like its sections, each opening the page with its heading", async () => {
    const { headings } = await expected();
    const { outline } = await readWithPdfJs(bytes);
    const titles = (items: { title: string; children: typeof items }[]): unknown => items.map((i) => [i.title, titles(i.children)]);
    const want = (hs: typeof headings): unknown => hs.map((h) => [h.title, want(h.children)]);
    expect(titles(outline)).toEqual(want(headings));
    const flat = (items: typeof outline): typeof outline => items.flatMap((i) => [i, ...flat(i.children)]);
    for (const item of flat(outline)) {
      expect(item.page, item.title).toBeGreaterThan(1);
      // Kicker and title ("SecNumCloud — What is it?") print as two lines, some in capitals.
      const text = pageText(b.pdf, item.page).toLowerCase();
      for (const part of item.title.split(" — "))
        expect(text, `"${item.title}" on page ${item.page}`).toContain(normalise(part).toLowerCase());
    }
  });

  it("prints on its contents page the real page of every heading", async () => {
    const { headings } = await expected();
    const { outline } = await readWithPdfJs(bytes);
    const bookmarkPage = new Map<string, number>();
    const walk = (items: typeof outline) => {
      for (const i of items) {
        bookmarkPage.set(i.title, i.page);
        walk(i.children);
      }
    };
    walk(outline);
    const contents = pageText(b.pdf, 2, true);
    for (const h of flattenHeadings(headings)) {
      const real = bookmarkPage.get(h.title);
      expect(real, h.title).toBeDefined();
      expect(b.report.pageNumbers[h.anchor]).toBe(real);
      // "Title ........ 7": the number printed after the title is the real page.
      const escaped = normalise(h.title).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const match = new RegExp(`${escaped}\\s*(\\d+)`).exec(contents);
      expect(match?.[1], `contents entry for "${h.title}"`).toBe(String(real));
    }
  });

  it("lists the PaaS zoom's offers in its contents and bookmarks, at their page", async () => {
    const { edition } = await expected();
    const zoom = edition.sections.find((s) => s.type === "paas-zoom");
    // December has the zoom ("Les offres PaaS"); March and April have none.
    expect(Boolean(zoom)).toBe(id === "2025-12");
    if (zoom) expect(await paasOffersEntryFaults(b.pdf, "Zoom Sur le PaaS", "Les offres PaaS")).toEqual([]);
  });

  it("has no finding of issue 17's rules (addresses, dates, names, headings, short pages)", () => {
    const found = b.report.preflight.findings
      .filter((f) => ISSUE_17_RULES.includes(f.rule))
      .map((f) => `p${f.page} ${f.rule} ${f.element}: ${f.message}`);
    expect(found).toEqual([]);
  });

  it("has at most one inner page under a third full", async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const area = { top: 62.25, bottom: 57 }; // the digital page's margins, in points
    const fill = pageFill(linesOfPages(readItems(doc), area), area);
    expect(fill.length).toBe(b.report.pages);
    const under = fill.flatMap((f, i) => (i > 0 && i < fill.length - 1 && f < NEAR_EMPTY ? [`p${i + 1} ${Math.round(f * 100)} %`] : []));
    expect(under.length, under.join(", ")).toBeLessThanOrEqual(1);
  });

  it("embeds and subsets every font, and only the project's own", () => {
    const rows = fonts(b.pdf);
    expect(rows.length).toBeGreaterThan(3);
    for (const f of rows) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+(Inter|SourceSerif4)-/);
    }
  });

  it("labels the covers by name and the other pages with their printed numbers", async () => {
    const { labels, pages } = await readWithPdfJs(bytes);
    expect(labels).not.toBeNull();
    expect(labels?.[0]).toBe(language === "fr" ? "Couverture" : "Cover");
    expect(labels?.[pages - 1]).toBe(language === "fr" ? "Quatrième de couverture" : "Back cover");
    for (let p = 2; p < pages; p++) {
      expect(labels?.[p - 1]).toBe(String(p));
      expect(pageText(b.pdf, p)).toContain(`${p} / ${pages}`);
    }
    expect(pageText(b.pdf, 1)).not.toMatch(/\b1 \/ \d+/);
  });

  it("loaded nothing from outside the project", () => {
    expect(b.report.blockedRequests).toEqual([]);
  });
});
