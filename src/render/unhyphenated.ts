// Soft hyphens out of the elements that are never hyphenated: display text
// (headings, kickers, leads and the explainer's definition, intros, pull
// quotes, boxes and cards, captions and table notes, table headers, labels,
// charts), which is set large or in a narrow box and read at a glance. The style
// sheet sets `hyphens: none` on them too, but Chromium mis-sets justified
// text that holds soft hyphens under `hyphens: none` (words drawn over each
// other), so none may reach them. `md` hyphenates whatever it renders; this
// pass, over the whole page, takes the hyphens back out where they must not be.

// Elements whose class says they are not running text (edition.css sets
// `hyphens: none` on the first ones; the others print no hyphen once their soft
// hyphens are out, `hyphens: manual` being the default). An element of these
// must not hold another of its own tag: the match ends at the first closing tag.
const CLASSES = [
  "kicker|subtitle|lead|pull-quote|byline|signature|closing|toc|stage-chip|model-tag|step-stage|q-badge|chart-section|stage-legend|paas-legend",
  // Display text: the explainer's definition and its boxes, the PaaS intro and cards, notes under tables.
  "definition|comparison|numbered-box|paas-intro|paas-offer|note",
].join("|");
const BY_CLASS = new RegExp(`<(\\w+)\\b[^>]*\\bclass="[^"]*\\b(?:${CLASSES})\\b[^"]*"[^>]*>[\\s\\S]*?</\\1>`, "g");
const BY_TAG = /<(h[1-6]|th|figure|svg|title)\b[^>]*>[\s\S]*?<\/\1>/g;

export function withoutSoftHyphens(html: string): string {
  const strip = (m: string) => m.replace(/\u00ad/g, "");
  return html.replace(BY_CLASS, strip).replace(BY_TAG, strip);
}
