// The printed lines of a PDF, as a reader sees them: pdf.js gives each text
// item with its position and width; items on one baseline and close together
// make a line of one column. A line that Chromium broke at a soft hyphen ends
// with the hyphen it drew there, as an item of its own ("-"): that is how a
// hyphenated line is told from a line ending in a word's own hyphen.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

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
  /** The top of the page box, in points (its height). */
  top: number;
  /** The text area: baselines outside it (running heads, folios) are left out. */
  lines: Line[];
}

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** Margins of the page area from the top and bottom of the page (or trim), in points. */
export interface TextArea {
  top: number;
  bottom: number;
}

function linesOf(page: number, items: Item[], height: number, area: TextArea): Line[] {
  const inside = items.filter((i) => i.str.trim() !== "" && i.y < height - area.top && i.y > area.bottom - 2);
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

/** Every page's lines, top to bottom and, on a baseline, left to right. */
export async function readLines(pdf: Uint8Array, area: TextArea): Promise<PageLines[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const out: PageLines[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , , top] = page.view;
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        const [a, b, , d, e, f] = it.transform as number[];
        items.push({ str: it.str, x: e, y: f, w: it.width, size: Math.hypot(a, b) || Math.abs(d) });
      }
      out.push({ page: n, top, lines: linesOf(n, items, top, area) });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** The share of the page area's height that each page's text fills, down to its lowest line. */
export function pageFill(pages: PageLines[], area: TextArea): number[] {
  return pages.map(({ top, lines }) => {
    const from = top - area.top;
    const height = from - area.bottom;
    if (!lines.length) return 0;
    const lowest = Math.min(...lines.map((l) => l.y - l.size * 0.25));
    return (from - lowest) / height;
  });
}
