// Preflight of the finished PDF, read back: fonts, glyphs, bookmarks, nearly
// empty pages, tag structure and language. Findings the page already made
// (with their element) are not repeated from the PDF side.
import { linesOfPages, readItems } from "../readback/print-lines.js";
import { loadPdf } from "../runtime/load-pdf.js";
import type { Heading } from "../sections/section-kit.js";
import { checkLineBreaks } from "./pdf-breaks.js";
import { readFonts } from "./pdf-fonts.js";
import { checkBookmarks } from "./pdf-navigation.js";
import { checkNearEmptyPages, type PageArea } from "./pdf-pages.js";
import { checkStructure } from "./pdf-structure.js";
import { pageTexts } from "./pdf-text.js";
import type { Finding } from "./rules.js";

export interface InspectPdfOptions {
  language: string;
  headings: Heading[];
  /** Margins of the default page from the trim, in points (the page area). */
  area: PageArea;
  /** Pages that start a section, or are full-page designs (covers): never "nearly empty". */
  ownPages: ReadonlySet<number>;
  /** The edition's font families ("Source Serif 4"); the PDF names them without spaces. */
  families: string[];
  /** What the page inspection found, so the PDF side adds only what it missed. */
  pageFindings: readonly Finding[];
}

export async function inspectPdf(bytes: Uint8Array, options: InspectPdfOptions): Promise<Finding[]> {
  const doc = await loadPdf(bytes);
  const items = readItems(doc);
  const texts = pageTexts(items);
  const findings: Finding[] = [];
  const already = (rule: Finding["rule"], page: number) => options.pageFindings.some((f) => f.rule === rule && f.page === page);

  const { fonts, notdef } = readFonts(doc);
  const own = options.families.map((f) => f.replace(/\s+/g, ""));
  for (const font of fonts) {
    const pages = font.pages.join(", ");
    if (!font.embedded)
      findings.push({
        rule: "font-not-embedded",
        severity: "error",
        page: font.pages[0],
        element: `font ${font.name}`,
        message: `${font.name} (${font.subtype}) is not embedded: the printer or viewer substitutes another font (page${font.pages.length > 1 ? "s" : ""} ${pages})`,
      });
    else if (own.length && !own.some((f) => font.name.startsWith(f)))
      for (const page of font.pages.filter((p) => !already("glyph-fallback", p)))
        findings.push({
          rule: "glyph-fallback",
          severity: "error",
          page,
          element: `font ${font.name}`,
          message: `${font.name} is not one of the edition's fonts (${options.families.join(", ")}): some text on this page fell back to it`,
        });
  }
  for (const [page, count] of notdef)
    if (!already("missing-glyph", page))
      findings.push({
        rule: "missing-glyph",
        severity: "error",
        page,
        element: `page ${page}`,
        message: `${count} glyph${count === 1 ? "" : "s"} print${count === 1 ? "s" : ""} as an empty box (.notdef)`,
      });

  findings.push(...checkBookmarks(doc, texts, options.headings));
  const lines = linesOfPages(items, options.area);
  findings.push(
    ...checkNearEmptyPages(
      lines,
      items.map((p) => p.images),
      options.area,
      options.ownPages,
    ),
  );
  findings.push(...checkLineBreaks(lines));
  findings.push(...checkStructure(doc, options.language));
  return findings;
}
