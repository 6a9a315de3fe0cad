// The words of the printed HTML against the words a reader finds in the PDF.
// Words are compared in lower case (upper-cased display text is searched
// case-insensitively) after NFKC (ligatures), and split at anything that is
// not a letter or mark (numbers are words of their own): a soft hyphen left inside a word splits it, so
// the word is not found, just as a search would not find it.

/** Invisible characters that have no business inside a word of the text layer. */
export const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a class of single ignorable code points (u flag), none meant to combine
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]/gu;

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return named[e.toLowerCase()] ?? m;
  });
}

/** The text of the HTML's body as printed: no head, styles, scripts or SVG titles; soft hyphens removed. */
export function htmlText(html: string): string {
  const body = html.slice(html.search(/<body[\s>]/i));
  const stripped = body
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(style|script|title|desc)\b[\s\S]*?<\/\1>/gi, " ")
    // Every tag separates words: spans laid out apart (contents title and page, cells) print apart.
    .replace(/<[^>]*>/g, " ");
  return decodeEntities(stripped).replace(INVISIBLE, "");
}

export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Letters and numbers apart: a number the CSS prints next to a word (a list
  // counter) is no part of it, and "S3NS" splits alike in the HTML and the PDF.
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .matchAll(/[\p{L}\p{M}]+|\p{N}+/gu);
  for (const [word] of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/**
 * A reader's text with its line-end hyphens resolved as a viewer does: a soft
 * hyphen at the end of a line always joins; a hyphen joins when the joined
 * word is a word of the edition (otherwise it is a real hyphen, as in
 * "large-scale", and stays).
 */
export function joinLineBreaks(text: string, vocabulary: Set<string>): string {
  return text
    .normalize("NFKC")
    .replace(/(\p{L})\u00ad[ \t]*\r?\n\s*(?=\p{L})/gu, "$1")
    .replace(/([\p{L}\p{M}]+)-[ \t]*\r?\n\s*([\p{L}\p{M}]+)/gu, (m, a: string, b: string) =>
      vocabulary.has(`${a}${b}`.toLowerCase()) ? `${a}${b}` : m,
    );
}

export interface MissingWord {
  word: string;
  html: number;
  pdf: number;
}

/** Words the HTML prints more often than the reader finds them (running heads may add more, never fewer). */
export function missingWords(html: Map<string, number>, pdf: Map<string, number>): MissingWord[] {
  const missing: MissingWord[] = [];
  for (const [word, n] of html) {
    const found = pdf.get(word) ?? 0;
    if (found < n) missing.push({ word, html: n, pdf: found });
  }
  return missing.sort((a, b) => b.html - b.pdf - (a.html - a.pdf) || a.word.localeCompare(b.word));
}

/** Invisible characters inside a word (between two letters on one line), which search and copy trip on. */
export function invisibleInsideWords(text: string): number {
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: a class of single ignorable code points (u flag), none meant to combine
  return [...text.matchAll(/(?<=[\p{L}\p{M}])[\u00ad\u034f\u200b-\u200f\u2060-\u2064\ufeff]+(?=[\p{L}\p{M}])/gu)].length;
}

export function countSoftHyphens(text: string): number {
  return [...text.matchAll(/\u00ad/g)].length;
}

/** Everything the word test needs from one reader's text. */
export function compareWords(htmlSource: string, readerText: string) {
  const html = wordCounts(htmlText(htmlSource));
  const joined = joinLineBreaks(readerText, new Set(html.keys()));
  const missing = missingWords(html, wordCounts(joined));
  return {
    softHyphens: countSoftHyphens(readerText),
    insideWords: invisibleInsideWords(joined),
    missing,
    missingCount: missing.reduce((s, m) => s + m.html - m.pdf, 0),
    htmlWords: [...html.values()].reduce((s, n) => s + n, 0),
  };
}
