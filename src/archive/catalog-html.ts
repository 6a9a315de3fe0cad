// The catalog page: plain HTML with its own small stylesheet, no script and
// nothing fetched, so it opens from disk. Everything written into it is escaped.
import type { Catalog, CatalogEntry, WithheldEdition } from "./catalog.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A relative link, each segment percent-encoded ("#" or "?" in a name stay part of the path). */
export const encodeHref = (rel: string) => rel.split("/").map(encodeURIComponent).join("/");

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);

const LANGUAGE_NAMES: Record<string, string> = { fr: "Français", en: "English" };

function card(e: CatalogEntry): string {
  const pdf = escapeHtml(encodeHref(e.pdf));
  const cover = e.thumbnail
    ? `<img src="${escapeHtml(encodeHref(e.thumbnail))}" alt="Cover of ${escapeHtml(e.title)}">`
    : `<span class="no-cover">no cover thumbnail</span>`;
  const superseded = e.superseded ? `, ${e.superseded} superseded` : "";
  const links = [
    `<a href="${pdf}">PDF</a>`,
    ...(e.web ? [`<a href="${escapeHtml(encodeHref(e.web))}">web edition</a>`] : []),
    ...(e.data ? [`<a href="${escapeHtml(encodeHref(e.data))}">open data (CSV, JSON)</a>`] : []),
  ];
  const signed = e.signedBy ? `signed by ${escapeHtml(e.signedBy)} · ` : "";
  return `  <li class="edition" lang="${escapeHtml(e.language)}">
    <a class="cover" href="${pdf}">${cover}</a>
    <div class="about">
      <h2><a href="${pdf}">${escapeHtml(e.title)}</a></h2>
      <p class="meta">${escapeHtml(e.edition)} · ${escapeHtml(LANGUAGE_NAMES[e.language] ?? e.language)} · ${escapeHtml(e.date)}</p>
      <p class="meta">${escapeHtml(e.pages)} pages · ${escapeHtml(size(e.bytes))} · revision ${escapeHtml(e.revision)}${escapeHtml(superseded)}, archived ${escapeHtml(e.archivedAt.slice(0, 10))}</p>
      <p class="links">${links.join(" · ")}</p>
      <p class="sha">${signed}sha256 <code>${escapeHtml(e.sha256)}</code></p>
    </div>
  </li>`;
}

function withheldItem(w: WithheldEdition): string {
  const problems = w.problems.map((p) => `${escapeHtml(p.kind)} at <code>${escapeHtml(p.file)}</code>`).join("; ");
  return `  <li>${escapeHtml(w.edition)}: does not verify (${problems}); run <code>npm run archive:verify -- ${escapeHtml(w.edition)}</code></li>`;
}

export function catalogHtml(catalog: Catalog): string {
  const items = catalog.editions.map(card).join("\n");
  const withheld = catalog.withheld.length
    ? `<h2 class="withheld">Withheld: archives that do not verify</h2>
<p>Nothing of their records is shown: until archive:verify passes, their titles and checksums cannot be trusted.</p>
<ul class="withheld">
${catalog.withheld.map(withheldItem).join("\n")}
</ul>
`
    : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SecNumCloud Observatory — archived editions</title>
<link rel="alternate" type="application/atom+xml" title="SecNumCloud Observatory — editions" href="catalog.atom">
<style>
  body { font: 15px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #14213d; }
  h1 { font-size: 1.6rem; }
  ul { list-style: none; padding: 0; }
  .edition { display: flex; gap: 1.2rem; padding: 1rem 0; border-top: 1px solid #d5dbe5; }
  .cover img { display: block; width: 165px; height: auto; border: 1px solid #d5dbe5; }
  .no-cover { display: inline-block; width: 165px; color: #6b7280; font-size: 0.85rem; }
  h2 { font-size: 1.1rem; margin: 0 0 0.3rem; }
  a { color: #1d4ed8; }
  .meta { margin: 0.1rem 0; color: #4b5563; }
  .links { margin: 0.3rem 0; }
  .withheld { color: #991b1b; }
  .sha code { font-size: 0.75rem; word-break: break-all; }
</style>
</head>
<body>
<h1>SecNumCloud Observatory — archived editions</h1>
<p>${catalog.editions.length ? `${catalog.editions.length} archived PDF${catalog.editions.length === 1 ? "" : "s"}, newest first. The same list is in catalog.json, and as a feed in <a href="catalog.atom">catalog.atom</a>.` : "No edition is archived yet."}</p>
<ul>
${items}
</ul>
${withheld}</body>
</html>
`;
}
