// A heading never ends on a line of one word ("…of Our Digital / Sovereignty"):
// its last two words are joined by a no-break space, so they wrap together.
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

export function bindHeadingEnds(html: string): string {
  return html.replace(/<(h[1-6])\b([^>]*)>([\s\S]*?)<\/\1>/g, (whole, tag: string, attrs: string, inner: string) => {
    const text = inner.replace(/<[^>]*>/g, " ");
    if ((text.match(/[\p{L}\p{N}][^\s]*/gu) ?? []).length < 3) return whole;
    // The last plain space, with a word before it and a tagless word after it.
    const m = /(\S+) ([^\s<>]+)(\s*)$/u.exec(inner);
    if (!m || m[1].endsWith(">")) return whole;
    const before = m[1].replace(/^.*>/, "");
    if ((before + m[2]).length > MAX_PAIR) return whole;
    const at = (m.index ?? 0) + m[1].length;
    return `<${tag}${attrs}>${inner.slice(0, at)}\u00a0${inner.slice(at + 1)}</${tag}>`;
  });
}
