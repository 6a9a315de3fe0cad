// Soft hyphens out of the elements that are never hyphenated (headings,
// kickers, leads, pull quotes, table headers, labels, charts). The style
// sheet sets `hyphens: none` on them too, but Chromium mis-sets justified
// text that holds soft hyphens under `hyphens: none` (words drawn over each
// other), so none may reach them. `md` hyphenates whatever it renders; this
// pass, over the whole page, takes the hyphens back out where they must not be.

// Elements whose class says they are not running text; the same list as in edition.css.
const CLASSES =
  "kicker|subtitle|lead|pull-quote|byline|signature|closing|toc|stage-chip|model-tag|step-stage|q-badge|chart-section|stage-legend|paas-legend";
const BY_CLASS = new RegExp(`<(\\w+)\\b[^>]*\\bclass="[^"]*\\b(?:${CLASSES})\\b[^"]*"[^>]*>[\\s\\S]*?</\\1>`, "g");
const BY_TAG = /<(h[1-6]|th|figure|svg|title)\b[^>]*>[\s\S]*?<\/\1>/g;

export function withoutSoftHyphens(html: string): string {
  const strip = (m: string) => m.replace(/\u00ad/g, "");
  return html.replace(BY_CLASS, strip).replace(BY_TAG, strip);
}
