// Sections that open a page by design (CSS class page-start): a page where
// one of them begins may be short (a short section on its own page is the
// layout, not a fault); any other short inner page is left by a break.

/** Anchors (ids) of the first heading of every page-start section of a built page. */
export function pageStartAnchors(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<section\b[^>]*\bclass="[^"]*\bpage-start\b[^"]*"[^>]*>/g)) {
    const rest = html.slice((m.index ?? 0) + m[0].length);
    const id = /<h[1-3]\b[^>]*\bid="([^"]+)"/.exec(rest.slice(0, rest.search(/<\/section>/) + 1 || undefined));
    if (id) out.push(id[1]);
  }
  return out;
}
