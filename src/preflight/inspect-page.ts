// Preflight in the page that printed the PDF: the in-page scripts measure the
// laid-out document, Node judges what needs judging (languages, link forms,
// fonts of the machine), then one more print tells the page of each element
// found (see in-page/probe.js).

import type { Page } from "puppeteer-core";
import type { Language } from "../manifest/primitives.js";
import { inPageScript, withHelpers, withHelpersEach } from "../readback/in-page-script.js";
import { type PageRules, readPageRules } from "../readback/page-rules.js";
import { linesOfPages, readItems } from "../readback/print-lines.js";
import { fitBox } from "../readback/printed-box.js";
import { printedDestinations } from "../readback/printed-pages.js";
import type { PageGeometry } from "../readback/text-area.js";
import { loadPdf } from "../runtime/load-pdf.js";
import { judgeTypography, type TextBlock } from "./judge-typography.js";
import { guessLanguage, LANGUAGE_NAMES, primaryLanguage } from "./language-guess.js";
import type { Finding } from "./rules.js";
import { systemFontWith } from "./system-fonts.js";
import { urlProblem } from "./url-form.js";
import type { FailedRequest } from "./watch-requests.js";

/** A finding in the page, with the handle of its element (data-preflight) instead of a page. */
export type PageFinding = Omit<Finding, "page"> & { key?: string };

interface Located {
  key: string;
  element: string;
  section?: string;
}

export type { PageGeometry };

interface Facts {
  layout: { findings: PageFinding[]; geometry: PageGeometry };
  assets: { findings: PageFinding[] };
  links: {
    findings: PageFinding[];
    external: (Located & { href: string; text: string })[];
    contents: (Located & { anchor: string; title: string; printed: number | null })[];
  };
  structure: {
    findings: PageFinding[];
    alts: (Located & { text: string; lang: string })[];
    blocks: (Located & { text: string; lang: string })[];
    htmlLang: string;
  };
  contrast: { findings: PageFinding[] };
  glyphs: { glyphs: (Located & { family: string; projectFont: boolean; chars: string[]; text: string })[]; families: string[] };
  typography: TextBlock[];
}

export interface InspectPageOptions {
  language: Language;
  failedRequests: FailedRequest[];
  blockedRequests: string[];
  /** Printed page of every heading anchor, from the final print. */
  pageNumbers: Record<string, number>;
  /** The page's @page rules, when the caller read them already (readback/page-rules.ts). */
  pageRules?: PageRules;
  /** Prints the page as it stands now: used for the probe print. */
  print: () => Promise<Uint8Array>;
}

export interface PageInspection {
  findings: Finding[];
  geometry: PageGeometry;
  /** Font families of the edition's @font-face rules. */
  families: string[];
}

const FACTS = ["layout", "assets", "links", "structure", "contrast", "glyphs", "typography"] as const;

async function collect(page: Page, options: InspectPageOptions): Promise<Facts> {
  const settings = {
    failedRequests: options.failedRequests,
    blockedRequests: options.blockedRequests,
    pageRules: options.pageRules ?? (await readPageRules(page)),
  };
  // One evaluation for all: the page works through them in one go, whatever this process is busy with meanwhile.
  return (await page.evaluate(withHelpersEach(FACTS, settings))) as Facts;
}

const lang = (code: string) => LANGUAGE_NAMES[code] ?? code;

function judgeLanguages(facts: Facts, edition: Language): PageFinding[] {
  const out: PageFinding[] = [];
  const { htmlLang, blocks, alts } = facts.structure;
  if (!htmlLang)
    out.push({
      rule: "language",
      severity: "error",
      element: "html",
      message: `the document has no lang attribute (expected "${edition}")`,
    });
  else if (primaryLanguage(htmlLang) !== edition)
    out.push({
      rule: "language",
      severity: "error",
      element: "html",
      message: `the document says lang="${htmlLang}", the edition is ${lang(edition)}`,
    });
  for (const b of blocks) {
    const marked = primaryLanguage(b.lang) ?? edition;
    const guess = guessLanguage(b.text);
    if (!guess || guess.language === marked) continue;
    out.push({
      rule: "language",
      severity: "warning",
      key: b.key,
      element: b.element,
      section: b.section,
      message: `«${b.text.slice(0, 50)}${b.text.length > 50 ? "…" : ""}» reads as ${lang(guess.language)} but is marked ${lang(marked)}: give it lang="${guess.language}"`,
    });
  }
  for (const a of alts) {
    const guess = guessLanguage(a.text, 2);
    const marked = primaryLanguage(a.lang) ?? edition;
    if (!guess || guess.language === marked) continue;
    out.push({
      rule: "alt-text",
      severity: "error",
      key: a.key,
      element: a.element,
      section: a.section,
      message: `text alternative «${a.text.slice(0, 50)}…» reads as ${lang(guess.language)}; the edition is ${lang(marked)}`,
    });
  }
  return out;
}

function judgeLinks(facts: Facts, pageNumbers: Record<string, number>): PageFinding[] {
  const out: PageFinding[] = [];
  for (const link of facts.links.external) {
    const problem = urlProblem(link.href);
    if (problem)
      out.push({
        rule: "link-malformed",
        severity: "error",
        key: link.key,
        element: link.element,
        section: link.section,
        message: `«${link.text}» links to ${link.href}: ${problem}`,
      });
  }
  for (const entry of facts.links.contents) {
    const real = pageNumbers[entry.anchor];
    if (real === undefined) continue; // a target that does not exist: link-internal says so
    if (entry.printed === real) continue;
    const message =
      entry.printed === null
        ? `contents entry «${entry.title}» prints no page number; its heading is on page ${real}`
        : `contents entry «${entry.title}» prints page ${entry.printed}; its heading is on page ${real}`;
    out.push({ rule: "contents-page", severity: "error", key: entry.key, element: entry.element, section: entry.section, message });
  }
  return out;
}

function judgeGlyphs(facts: Facts): PageFinding[] {
  const out: PageFinding[] = [];
  const codes = (chars: string[]) => chars.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");
  for (const g of facts.glyphs.glyphs) {
    const where = { key: g.key, element: g.element, section: g.section };
    if (!g.projectFont) {
      out.push({
        ...where,
        rule: "glyph-fallback",
        severity: "error",
        message: `«${g.text}» is set in ${g.family}, not one of the edition's fonts`,
      });
      continue;
    }
    const fonts = g.chars.map((ch) => [ch, systemFontWith(ch)] as const);
    const missing = fonts.filter(([, f]) => f === null).map(([ch]) => ch);
    const fallback = fonts.filter(([, f]) => f !== null).map(([ch]) => ch);
    if (missing.length)
      out.push({
        ...where,
        rule: "missing-glyph",
        severity: "error",
        message: `«${missing.join("")}» (${codes(missing)}) in «${g.text}» is in no font: it prints as an empty box`,
      });
    if (fallback.length)
      out.push({
        ...where,
        rule: "glyph-fallback",
        severity: "error",
        message: `«${fallback.join("")}» (${codes(fallback)}) in «${g.text}» is not in ${g.family}: it prints in another font`,
      });
  }
  return out;
}

interface Place {
  page: number;
  /** The element's box on its page (PDF user space, points, y up). */
  box?: [number, number, number, number];
}

/**
 * Page and box of each element, from the named destinations of a probe print:
 * Chromium writes each as [page /XYZ left top zoom], the element's top-left
 * corner measured from the top-left of its page's margin box area (checked
 * against pdftotext -bbox: the page's margins are added back here); its size
 * is the laid-out box's (CSS px, 0.75 pt each) and its @page name the one
 * its section asks for, both read in the same layout just before that print.
 */
async function locate(page: Page, keys: string[], print: () => Promise<Uint8Array>, geometry: PageGeometry): Promise<Map<string, Place>> {
  const probe = inPageScript("probe");
  const places = new Map<string, Place>();
  try {
    await page.evaluate(`(${probe})("add", ${JSON.stringify(keys)})`);
    const sizes = (await page.evaluate(withHelpers("boxes", { keys }))) as Record<string, [number, number, string]>;
    const doc = await loadPdf(await print());
    // Every line of the page, running heads too: an element may be anywhere on it.
    const lines = linesOfPages(readItems(doc), { top: 0, bottom: 0 });
    for (const [name, at] of await printedDestinations(doc)) {
      if (!name.startsWith("preflight-probe-")) continue;
      const key = name.slice("preflight-probe-".length);
      const size = sizes[key];
      const place: Place = { page: at.page };
      const margins = size && (geometry.pages[size[2]] ?? geometry.pages[""])?.margins;
      if (size && margins && at.left !== undefined && at.top !== undefined) {
        const [left, top] = [at.left + margins.left * 0.75, at.top - margins.top * 0.75];
        place.box = fitBox(lines[at.page - 1]?.lines ?? [], left, top, [size[0] * 0.75, size[1] * 0.75]);
      }
      places.set(key, place);
    }
  } finally {
    await page.evaluate(`(${probe})("remove", [])`);
  }
  return places;
}

export async function inspectPage(page: Page, options: InspectPageOptions): Promise<PageInspection> {
  const facts = await collect(page, options);
  const found: PageFinding[] = [
    ...facts.layout.findings,
    ...facts.assets.findings,
    ...facts.links.findings,
    ...judgeLinks(facts, options.pageNumbers),
    ...facts.structure.findings,
    ...judgeLanguages(facts, options.language),
    ...facts.contrast.findings,
    ...judgeGlyphs(facts),
    ...judgeTypography(facts.typography, options.language),
  ];
  const keys = [...new Set(found.flatMap((f) => (f.key ? [f.key] : [])))];
  const places = keys.length ? await locate(page, keys, options.print, facts.layout.geometry) : new Map<string, Place>();
  const findings = found.map(({ key, ...f }): Finding => {
    const at = key ? places.get(key) : undefined;
    return at === undefined ? f : { ...f, page: at.page, ...(at.box && { box: at.box }) };
  });
  return { findings, geometry: facts.layout.geometry, families: facts.glyphs.families };
}
