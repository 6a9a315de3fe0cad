// Characters the edition's fonts can print. The print uses only the faces
// shipped with the project (assets/styles/fonts.css, generated from
// @fontsource): a character outside every face's unicode-range is drawn by a
// system font, or as an empty box, and preflight then refuses the build
// (glyph-fallback, missing-glyph). Checking it here names the character and
// its place at `check` time instead of after a print.
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.js";

type Range = [number, number];

let ranges: Range[] | undefined;

/** The union of the unicode-range of every @font-face in fonts.css. */
function fontRanges(): Range[] {
  if (ranges) return ranges;
  let css = "";
  try {
    css = readFileSync(path.join(projectRoot, "assets", "styles", "fonts.css"), "utf8");
  } catch {
    // No stylesheet to read: nothing is known, nothing is refused here (the build names the file).
    ranges = [[0, 0x10ffff]];
    return ranges;
  }
  const found: Range[] = [];
  for (const m of css.matchAll(/unicode-range:\s*([^;]+);/g)) {
    for (const part of m[1].split(",")) {
      const r = /U\+([0-9A-F?]+)(?:-([0-9A-F]+))?/i.exec(part.trim());
      if (!r) continue;
      const lo = Number.parseInt(r[1].replace(/\?/g, "0"), 16);
      const hi = r[2] ? Number.parseInt(r[2], 16) : Number.parseInt(r[1].replace(/\?/g, "F"), 16);
      found.push([lo, hi]);
    }
  }
  ranges = found.length ? found : [[0, 0x10ffff]];
  return ranges;
}

/** Layout characters that draw nothing (line breaks, tabs, joiners, soft hyphens): never a missing glyph. */
const INVISIBLE = /[\n\r\t\u00ad\u200b-\u200d\u2060\ufeff]/;

/** The first character of `text` that no face of the edition can print, or undefined. */
export function firstUnprintable(text: string): { char: string; index: number } | undefined {
  const covered = fontRanges();
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    if (!INVISIBLE.test(char) && !covered.some(([lo, hi]) => cp >= lo && cp <= hi)) return { char, index };
    index += char.length;
  }
  return undefined;
}

/** "U+2192 (→)", or the code alone for a character that would not show. */
export function describeChar(char: string): string {
  const cp = char.codePointAt(0) as number;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(char) ? `${code} (${char})` : code;
}
