// The web edition: the HTML the PDF was printed from (same manifest, labels,
// typography and hyphenation), made into one self-contained responsive page.
// Stylesheets are inlined and fonts become data: URIs, so the file opened from
// disk asks for nothing; a strict CSP forbids any request and any script, so
// even markup that slipped through could not run or phone home.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface WebEditionOptions {
  /** Folder the print HTML lives in: its stylesheet links are relative to it. */
  htmlDir: string;
  assetsDir: string;
  description: string;
  /** Links shown in the page head, relative to the web page (PDF, data). */
  links: { href: string; label: string }[];
}

const escapeHtml = (s: string) =>
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
    `<style>\n${web}\n</style>`,
  ].join("\n");
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${head}`);
  html = html.replace('<html lang="', '<html class="web" lang="');
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
