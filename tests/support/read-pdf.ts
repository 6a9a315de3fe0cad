// Reading a built PDF back the way a reader's tools would: pdf-lib for the
// catalog, pdf.js for page labels and the outline, poppler for text and fonts.
import { execFileSync } from "node:child_process";
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Text of one page; `layout` keeps lines side by side (contents page), otherwise reading order. */
export function pageText(pdf: string, page: number, layout = false): string {
  const args = ["-f", String(page), "-l", String(page), ...(layout ? ["-layout"] : []), pdf, "-"];
  return normalise(execFileSync("pdftotext", args, { encoding: "utf8" }));
}

/** Soft hyphens and line-end hyphens removed, white space folded: text as a reader would say it. */
export function normalise(text: string): string {
  return text
    .replace(/\u00ad/g, "")
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

export interface FontRow {
  name: string;
  embedded: boolean;
  subset: boolean;
}

export function fonts(pdf: string): FontRow[] {
  const lines = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type... enc emb sub uni objnum gen: the flags are the 5th/4th from the end.
    return { name: cols[0], embedded: cols[cols.length - 5] === "yes", subset: cols[cols.length - 4] === "yes" };
  });
}

export interface OutlineItem {
  title: string;
  /** 1-based page the bookmark opens. */
  page: number;
  children: OutlineItem[];
}

export async function readWithPdfJs(bytes: Uint8Array): Promise<{ labels: string[] | null; outline: OutlineItem[]; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  try {
    const labels = await doc.getPageLabels();
    const walk = async (items: Awaited<ReturnType<typeof doc.getOutline>>): Promise<OutlineItem[]> => {
      const out: OutlineItem[] = [];
      for (const item of items ?? []) {
        const dest = typeof item.dest === "string" ? await doc.getDestination(item.dest) : item.dest;
        const page = dest ? (await doc.getPageIndex(dest[0])) + 1 : 0;
        out.push({ title: item.title, page, children: await walk(item.items) });
      }
      return out;
    };
    return { labels, outline: await walk(await doc.getOutline()), pages: doc.numPages };
  } finally {
    await doc.loadingTask.destroy();
  }
}

export function infoString(doc: PDFDocument, key: string): string | undefined {
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const value = info?.get(PDFName.of(key));
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return undefined;
}

export function catalogHas(doc: PDFDocument, key: string): boolean {
  return doc.catalog.has(PDFName.of(key));
}

export function trailerId(doc: PDFDocument): string | undefined {
  const id = doc.context.trailerInfo.ID;
  return id instanceof PDFArray ? id.toString() : undefined;
}
