// The words of a PDF page with their boxes, as poppler places them
// (pdftotext -bbox): what a layout test measures positions with.
import { execFileSync } from "node:child_process";

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every word of every page, one list per page (index 0 = page 1). */
export function pdfWords(pdf: string): Word[][] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((page) =>
    [...page[1].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: unescapeXml(m[5]),
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
}

export const sameLine = (a: Word, b: Word) => Math.abs(a.yMin - b.yMin) < 1.5;

/**
 * Where a name is set on the page: each run of its words that follow one
 * another on a line, or go on at the start of the next line at the same left
 * edge (a name wrapped in its cell). Returns the words of each occurrence
 * grouped by line.
 */
export function findName(words: Word[], name: string): Word[][][] {
  const parts = name.replace(/'/g, "’").split(/\s+/).filter(Boolean);
  const norm = (s: string) => s.replace(/'/g, "’");
  const found: Word[][][] = [];
  for (const start of words) {
    if (norm(start.text) !== parts[0]) continue;
    const lines: Word[][] = [[start]];
    let cur = start;
    let ok = true;
    for (const part of parts.slice(1)) {
      const next =
        words.find((w) => norm(w.text) === part && sameLine(w, cur) && w.xMin > cur.xMax - 0.5 && w.xMin - cur.xMax < 6) ??
        words.find((w) => norm(w.text) === part && w.yMin - cur.yMin > 3 && w.yMin - cur.yMin < 14 && Math.abs(w.xMin - start.xMin) < 2);
      if (!next) {
        ok = false;
        break;
      }
      if (sameLine(next, cur)) lines[lines.length - 1].push(next);
      else lines.push([next]);
      cur = next;
    }
    if (ok) found.push(lines);
  }
  return found;
}
