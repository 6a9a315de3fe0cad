// Compound proper names (Île-de-France, Hauts-de-France, Centre-Val de Loire,
// Saint-Étienne): Chromium may end a line after any hyphen, and a name broken
// at its own hyphen reads as two words (and, at a line end, as a word broken
// by the typesetting). Each such name is set in a span that does not wrap;
// its soft hyphens go with it, since a name is never hyphenated either.

// Capitalised parts joined by hyphens, a capital after at least one of them;
// not inside an address or an identifier (no letter, digit, "/", ".", "@",
// "_" or "-" right before or after it).
const PART = "[\\p{L}\\u00ad’']*";
const NAME = new RegExp(
  `(?<![\\p{L}\\p{N}\\u00ad/.@_-])\\p{Lu}${PART}(?:-\\p{L}${PART})*-\\p{Lu}${PART}(?:-\\p{L}${PART})*(?![\\p{L}\\p{N}/@_-])`,
  "gu",
);

/** The page's body with its compound proper names made unbreakable (tags, styles, scripts, SVG and code left alone). */
export function bindCompoundNames(html: string): string {
  const start = html.search(/<body\b/i);
  if (start < 0) return html;
  const body = html
    .slice(start)
    .replace(/(<(style|script|svg|code|pre|textarea)\b[\s\S]*?<\/\2>|<[^>]*>)|([^<]+)/gi, (whole, tag?: string) =>
      tag ? tag : whole.replace(NAME, (name) => `<span class="name-whole">${name}</span>`),
    );
  return html.slice(0, start) + body;
}
