// Bookmarks read back from the finished PDF: each must open the page where
// its heading is printed (checked against the page's text, not against the
// destinations the bookmarks were made from).
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import type { Heading } from "../sections/section-kit.js";
import { foldText, type PageText } from "./pdf-text.js";
import type { Finding } from "./rules.js";

export interface Bookmark {
  title: string;
  /** 1-based; undefined when the destination names no page of the document. */
  page?: number;
}

export function readBookmarks(doc: PDFDocument): Bookmark[] {
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out: Bookmark[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let item = first; item && depth < 20; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      const t = item.lookup(PDFName.of("Title"));
      const title = t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : "";
      let dest = item.lookupMaybe(PDFName.of("Dest"), PDFArray);
      const action = item.lookupMaybe(PDFName.of("A"), PDFDict);
      if (!dest && action) dest = action.lookupMaybe(PDFName.of("D"), PDFArray);
      out.push({ title, page: dest ? pageOf.get(dest.get(0)?.toString() ?? "") : undefined });
      walk(item.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
    }
  };
  const root = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  walk(root?.lookupMaybe(PDFName.of("First"), PDFDict), 0);
  return out;
}

/** Whether a heading's title is printed on a page; "Kicker — Title" may print as two lines. */
export function printsTitle(page: PageText | undefined, title: string): boolean {
  if (!page) return false;
  const text = foldText(page.text);
  return title.split(" — ").every((part) => text.includes(foldText(part)));
}

/** The last page that prints `title` other than `except` (the contents page prints every title first). */
export function pageOfTitle(texts: PageText[], title: string, except?: number): number | undefined {
  for (let i = texts.length; i >= 1; i--) if (i !== except && printsTitle(texts[i - 1], title)) return i;
  return undefined;
}

export function checkBookmarks(doc: PDFDocument, texts: PageText[], headings: Heading[]): Finding[] {
  const anchors = new Map<string, string>();
  const flat = (hs: Heading[]): Heading[] => hs.flatMap((h) => [h, ...flat(h.children)]);
  for (const h of flat(headings)) if (!anchors.has(h.title)) anchors.set(h.title, h.anchor);
  const findings: Finding[] = [];
  for (const b of readBookmarks(doc)) {
    const anchor = anchors.get(b.title);
    const element = anchor ? `#${anchor}` : `bookmark «${b.title}»`;
    if (b.page === undefined) {
      findings.push({ rule: "bookmark-page", severity: "error", element, message: `bookmark «${b.title}» opens no page of the document` });
      continue;
    }
    if (printsTitle(texts[b.page - 1], b.title)) continue;
    const real = pageOfTitle(texts, b.title, b.page);
    findings.push({
      rule: "bookmark-page",
      severity: "error",
      page: b.page,
      element,
      message: `bookmark «${b.title}» opens page ${b.page}, where its heading is not printed${real ? ` (it is on page ${real})` : ""}`,
    });
  }
  return findings;
}
