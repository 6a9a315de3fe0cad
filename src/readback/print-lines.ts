// The printed lines of a PDF, as a reader sees them: the text items (see
// text-items.ts) with their positions and widths; items on one baseline and
// close together make a line of one column. A line that Chromium broke at a
// soft hyphen ends with the hyphen it drew there, as an item of its own ("-"):
// that is how a hyphenated line is told from a line ending in a word's own hyphen.
import { PDFDocument } from "pdf-lib";
import { loadPdf } from "../runtime/load-pdf.js";
import { readPageContents } from "./pdf-content.js";
import { type TextItem, textItems } from "./text-items.js";

export interface Line {
  /** 1-based page. */
  page: number;
  /** Left and right ends, baseline, font size, in PDF points (y up). */
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** The text, with the break hyphen (if any) left out. */
  text: string;
  /** Broken at a soft hyphen: the word goes on in the next line. */
  hyphenated: boolean;
}

export interface PageLines {
  page: number;
  /** The top and bottom of the trim (TrimBox, or the page box of a raw print), in points. */
  top: number;
  bottom?: number;
  /** The text area: baselines outside it (running heads, folios) are left out. */
  lines: Line[];
}

type Item = TextItem;

/** A printed line's box, as a PDF rectangle (points, y up): from below the baseline to the cap height. */
export const lineBox = (line: Line): [number, number, number, number] =>
  [line.x0, line.y - 0.25 * line.size, line.x1, line.y + 0.85 * line.size].map((v) => Math.round(v * 100) / 100) as [
    number,
    number,
    number,
    number,
  ];

/** Margins of the page area from the top and bottom of the trim (a raw print's page box), in points. */
export interface TextArea {
  top: number;
  bottom: number;
}

function linesOf(page: number, items: Item[], trim: number[], area: TextArea): Line[] {
  const [, bottom, , top] = trim;
  const inside = items.filter((i) => i.str.trim() !== "" && i.y < top - area.top && i.y > bottom + area.bottom - 2);
  inside.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const item of inside) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row[0].y - item.y) < 1) row.push(item);
    else rows.push([item]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let seg: Item[] = [];
    const flush = () => {
      if (!seg.length) return;
      const last = seg[seg.length - 1];
      const hyphenated = seg.length > 1 && /^[-\u00ad\u2010]$/.test(last.str.trim());
      const parts = hyphenated ? seg.slice(0, -1) : seg;
      let text = "";
      parts.forEach((p, i) => {
        const prev = parts[i - 1];
        if (prev && p.x - (prev.x + prev.w) > prev.size * 0.15 && !/\s$/.test(text)) text += " ";
        text += p.str;
      });
      lines.push({
        page,
        x0: seg[0].x,
        x1: last.x + last.w,
        y: seg[0].y,
        size: Math.max(...seg.map((s) => s.size)),
        text: text.replace(/\u00ad/g, "").trim(),
        hyphenated,
      });
      seg = [];
    };
    for (const item of row) {
      const prev = seg[seg.length - 1];
      if (prev && item.x - (prev.x + prev.w) > Math.max(6, prev.size * 1.2)) flush();
      seg.push(item);
    }
    flush();
  }
  return lines;
}

export interface PageItems {
  items: TextItem[];
  /** The page box and the trim, [x0, y0, x1, y1] (the same in a raw print, which has no TrimBox). */
  box: number[];
  trim: number[];
  images: number;
}

const corners = ({ x, y, width, height }: { x: number; y: number; width: number; height: number }) => [x, y, x + width, y + height];

/** Every page's text items, boxes and images. */
export function readItems(doc: PDFDocument): PageItems[] {
  const pages = doc.getPages();
  return readPageContents(doc).map((c, i) => {
    const box = corners(pages[i].getMediaBox());
    return { items: textItems(c.glyphs, box), box, trim: corners(pages[i].getTrimBox()), images: c.images };
  });
}

/** Every page's lines, top to bottom and, on a baseline, left to right. */
export async function readLines(pdf: Uint8Array | PDFDocument, area: TextArea): Promise<PageLines[]> {
  const doc = pdf instanceof PDFDocument ? pdf : await loadPdf(pdf);
  return linesOfPages(readItems(doc), area);
}

export function linesOfPages(pages: PageItems[], area: TextArea): PageLines[] {
  return pages.map(({ items, trim }, i) => ({ page: i + 1, top: trim[3], bottom: trim[1], lines: linesOf(i + 1, items, trim, area) }));
}
