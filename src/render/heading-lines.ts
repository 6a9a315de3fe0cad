// A heading never ends on a line of one word ("…of Our Digital / Sovereignty"),
// nor does a PaaS offer card's text: its last two words are joined by a
// no-break space, so they wrap together.
// Only where the two are short enough to go down together in any column the
// edition has (a pair longer than that would sooner stick out), only in a
// heading of three words or more (two words on two lines have no better
// break), and only when the last word is plain text, not inside markup.
// `heading-last-word` (src/preflight/judge-typography.ts) reports what slips past.

/**
 * The longest pair of words bound, in characters: "multi-dimensional framework"
 * (27) in a half-width box; under the narrowest measure a heading has (a PaaS
 * card's, about 30 characters of its h3). Overflow (preflight) catches a pair
 * that would not fit.
 */
const MAX_PAIR = 28;

/**
 * The last two words of `inner` joined by a no-break space, or `inner` as it is
 * (fewer than three words, a pair too long, a last word inside markup). A pair
 * with a hyphen ("multi-dimensional framework") is set in a span that does not
 * wrap, since Chromium would still end the line after its hyphen: a line-end
 * hyphen in display text, which is never hyphenated. (The web edition, where
 * a phone's column may be narrower than the pair, lets it wrap: web.css.)
 */
function bindLastPair(inner: string): string {
  const text = inner.replace(/<[^>]*>/g, " ");
  if ((text.match(/[\p{L}\p{N}][^\s]*/gu) ?? []).length < 3) return inner;
  // The last plain space, with a word before it and a tagless word after it.
  const m = /(\S+) ([^\s<>]+)(\s*)$/u.exec(inner);
  if (!m || m[1].endsWith(">")) return inner;
  const before = m[1].replace(/^.*>/, "");
  if ((before + m[2]).length > MAX_PAIR) return inner;
  const at = (m.index ?? 0) + m[1].length;
  if (!`${before}${m[2]}`.includes("-")) return `${inner.slice(0, at)}\u00a0${inner.slice(at + 1)}`;
  return `${inner.slice(0, at - before.length)}<span class="pair-whole">${before}\u00a0${m[2]}</span>${m[3]}`;
}

export function bindHeadingEnds(html: string): string {
  return html
    .replace(
      /<(h[1-6])\b([^>]*)>([\s\S]*?)<\/\1>/g,
      (_, tag: string, attrs: string, inner: string) => `<${tag}${attrs}>${bindLastPair(inner)}</${tag}>`,
    )
    .replace(
      /(<div class="paas-offer\b[^"]*">)([\s\S]*?)(<\/div>)/g,
      (_, open: string, card: string, close: string) => open + bindCardText(card) + close,
    );
}

/**
 * A PaaS offer card's paragraphs (templates/sections/paas-zoom.hbs) are display
 * text in a column of about 30 characters, where "…dans un environnement /
 * SecNumCloud" left a name alone on the last line and `text-wrap: pretty` does
 * not move it: they are bound as headings are.
 */
function bindCardText(card: string): string {
  return card.replace(
    /(<p\b[^>]*>)([\s\S]*?)(<\/p>)/g,
    (_, open: string, inner: string, close: string) => open + bindLastPair(inner) + close,
  );
}
