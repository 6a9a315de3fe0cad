// The web edition: the HTML the PDF was printed from (same manifest, labels,
// typography and hyphenation), made into one self-contained responsive page.
// Stylesheets are inlined and fonts become data: URIs, so the file opened from
// disk asks for nothing; a strict CSP forbids any request and any script, so
// even markup that slipped through could not run or phone home.
import { readFileSync } from "node:fs";
import path from "node:path";
import { addProviderAnchors, addSectionAnchors, type ProviderColumns } from "./anchors.js";

export interface WebEditionOptions {
  /** Folder the print HTML lives in: its stylesheet links are relative to it. */
  htmlDir: string;
  assetsDir: string;
  description: string;
  /** Links shown in the page head, relative to the web page (PDF, data). */
  links: { href: string; label: string }[];
  /** What a post that links the page shows (Open Graph, Twitter cards). */
  share: ShareCard;
  /** The provider ids of each providers table, for their anchors. */
  providers: ProviderColumns;
}

export interface ShareCard {
  title: string;
  description: string;
  /** og:locale: fr_FR, en_GB. */
  locale: string;
  siteName: string;
  /** The cover as a PNG beside the page, relative to it: nothing is fetched from elsewhere. */
  image: { href: string; width: number; height: number; alt: string } | undefined;
}

/**
 * Meta tags only: a sharing service reads them, the page never loads the
 * image (the CSP would refuse it anyway). The address is relative, as the
 * page does not know where it will be published; a site that needs an
 * absolute og:image rewrites it on upload.
 */
function shareTags(card: ShareCard): string[] {
  const meta = (attr: "property" | "name", key: string, value: string) => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;
  const tags = [
    meta("property", "og:type", "article"),
    meta("property", "og:title", card.title),
    meta("property", "og:description", card.description),
    meta("property", "og:site_name", card.siteName),
    meta("property", "og:locale", card.locale),
    meta("name", "twitter:card", card.image ? "summary_large_image" : "summary"),
    meta("name", "twitter:title", card.title),
    meta("name", "twitter:description", card.description),
  ];
  if (!card.image) return tags;
  const image = escapeHtml(encodeURI(card.image.href));
  return [
    ...tags,
    `<meta property="og:image" content="${image}">`,
    meta("property", "og:image:type", "image/png"),
    meta("property", "og:image:width", String(card.image.width)),
    meta("property", "og:image:height", String(card.image.height)),
    meta("property", "og:image:alt", card.image.alt),
    `<meta name="twitter:image" content="${image}">`,
    meta("name", "twitter:image:alt", card.image.alt),
  ];
}

export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const FONT_TYPES: Record<string, string> = { ".woff2": "font/woff2", ".woff": "font/woff" };

/** A stylesheet with every url() it names read and inlined (fonts only in this project). */
function inlineCss(file: string): string {
  const css = readFileSync(file, "utf8");
  return css.replace(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g, (whole, ref: string) => {
    if (ref.startsWith("data:") || ref.startsWith("#")) return whole;
    const target = path.resolve(path.dirname(file), ref);
    const type = FONT_TYPES[path.extname(target)];
    if (!type) throw new Error(`web edition: ${path.basename(file)} links ${ref}, which is not a font`);
    return `url(data:${type};base64,${readFileSync(target).toString("base64")})`;
  });
}

// Nothing may load but what is inside the page (data: fonts and images).
const CSP = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

export function webEditionHtml(printHtml: string, options: WebEditionOptions): string {
  let html = printHtml.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_m, href: string) => {
    const file = path.resolve(options.htmlDir, decodeURI(href));
    return `<style>\n${inlineCss(file)}\n</style>`;
  });
  html = html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const web = inlineCss(path.join(options.assetsDir, "styles", "web.css"));
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="description" content="${escapeHtml(options.description)}">`,
    ...shareTags(options.share),
    `<style>\n${web}\n</style>`,
  ].join("\n");
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${head}`);
  // One class attribute: the print's (profile-…) and the web's together.
  // (A layout without lang, which preflight reports, still gets its web class.)
  html = html.replace(/<html((?: lang="[^"]+")?) class="([^"]*)">/, '<html$1 class="web $2">');
  if (!html.includes('class="web ')) throw new Error("web edition: the print HTML has no <html class> to mark");
  html = addSectionAnchors(addProviderAnchors(html, options.providers));
  // A wide table scrolls inside its own focusable region, never the page.
  const seen = new Map<string, number>();
  html = html.replace(/<table\b[\s\S]*?<\/table>/g, (t, at: number, all: string) => {
    // Regions need distinct names: the caption, else the heading above, numbered when repeated.
    const name = tableLabel(t) ?? lastHeading(all.slice(0, at)) ?? "table";
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const label = n > 1 ? `${name} (${n})` : name;
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${label}">${t}</div>`;
  });
  html = html.replace(/<tbody class="model-group">[\s\S]*?<\/tbody>/g, repeatModel);
  const links = options.links.map((l) => `<a href="${escapeHtml(encodeURI(l.href))}">${escapeHtml(l.label)}</a>`).join("\n");
  html = html.replace(/<body>/, `<body>\n<header class="web-bar">${links}</header>\n<main>`);
  html = html.replace(/<\/body>/, "</main>\n</body>");
  return html;
}

/** The print names a model once per group; a screen reader needs it on every row (hidden on screen). */
function repeatModel(group: string): string {
  const model = /<th scope="row" class="model">([^<]+)<\/th>/.exec(group)?.[1];
  if (!model) return group;
  return group.replace(
    /<th scope="row" class="model"><\/th>/g,
    `<th scope="row" class="model"><span class="visually-hidden">${model}</span></th>`,
  );
}

// Markup already escaped by the templates: tags dropped, entities kept, quotes escaped for the attribute.
const attrText = (markup: string | undefined) =>
  markup
    ?.replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/"/g, "&quot;") || undefined;

const tableLabel = (table: string) => attrText(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1]);

function lastHeading(before: string): string | undefined {
  const all = [...before.matchAll(/<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/g)];
  return attrText(all.at(-1)?.[1]);
}
