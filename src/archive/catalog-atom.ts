// The catalog as an Atom 1.0 feed (RFC 4287), catalog.atom beside
// catalog.html: one entry per edition and language, linking its PDF, its web
// edition and its open data. Everything in it comes from the archive, so the
// same archive gives the same bytes: ids are name-based UUIDs (RFC 4122 v5),
// permanent across revisions; `updated` is when the revision was archived.
// Links are relative, resolved against the feed's own address (RFC 4287 §2).
import { createHash } from "node:crypto";
import type { Catalog, CatalogEntry } from "./catalog.js";

const FEED_NAME = "secnumcloud-observatory:catalog";
// The URL namespace of RFC 4122 (appendix C): our names are paths.
const NAMESPACE = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");

/** urn:uuid: of `name`, version 5 (SHA-1, name-based). */
export function nameUuid(name: string): string {
  const hash = createHash("sha1").update(NAMESPACE).update(name).digest().subarray(0, 16);
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const h = hash.toString("hex");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// XML 1.0 cannot carry most control characters, escaped or not.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
export const escapeXml = (text: string | number) =>
  String(text)
    .replace(NOT_XML, "")
    .replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A relative link, each segment percent-encoded. */
const iri = (rel: string) => rel.split("/").map(encodeURIComponent).join("/");

function link(rel: string, type: string, href: string, extra: Record<string, string | number> = {}): string {
  const attrs = Object.entries({ rel, type, href: iri(href), ...extra })
    .map(([k, v]) => `${k}="${escapeXml(v)}"`)
    .join(" ");
  return `    <link ${attrs}/>`;
}

function entry(e: CatalogEntry): string {
  const lang = { hreflang: e.language };
  const links = [
    link("alternate", "application/pdf", e.pdf, { ...lang, length: e.bytes, title: "PDF" }),
    ...(e.web ? [link("alternate", "text/html", e.web, { ...lang, title: "Web edition" })] : []),
    ...(e.data
      ? [link("related", "application/json", e.data, { ...lang, title: "Open data (Frictionless data package: CSV, JSON)" })]
      : []),
    ...(e.thumbnail ? [link("enclosure", "image/png", e.thumbnail, { title: "Cover" })] : []),
  ];
  const summary = `${e.label}, ${e.date}: ${e.pages} pages, revision ${e.revision}. PDF sha256 ${e.sha256}.`;
  return `  <entry xml:lang="${escapeXml(e.language)}">
    <id>${nameUuid(`edition/${e.edition}/${e.language}`)}</id>
    <title>${escapeXml(e.title)}</title>
    <updated>${escapeXml(e.archivedAt)}</updated>
    <author><name>${escapeXml(e.publisher ?? "SecNumCloud Observatory")}</name></author>
${links.join("\n")}
    <summary>${escapeXml(summary)}</summary>
  </entry>`;
}

export function catalogAtom(catalog: Catalog): string {
  // The newest revision's date; an empty archive keeps the epoch, still a valid, fixed date.
  const updated =
    catalog.editions
      .map((e) => e.archivedAt)
      .sort()
      .at(-1) ?? "1970-01-01T00:00:00Z";
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${nameUuid(FEED_NAME)}</id>
  <title>SecNumCloud Observatory — editions</title>
  <subtitle>Every archived edition and language: the PDF, the web edition and the open data.</subtitle>
  <updated>${escapeXml(updated)}</updated>
  <author><name>SecNumCloud Observatory</name></author>
  <link rel="self" type="application/atom+xml" href="catalog.atom"/>
  <link rel="alternate" type="text/html" href="catalog.html"/>
${catalog.editions.map(entry).join("\n")}
</feed>
`;
}
