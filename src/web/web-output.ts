// Where the web edition goes: output/<id>/<id>-<lang>-web.html, beside the PDF
// it links to, the open data folder and its sharing image (the PDF's cover,
// <id>-<lang>-cover.png), all written in the same staged commit.
import type { Edition } from "../manifest/edition-schema.js";
import type { Language } from "../manifest/primitives.js";
import { typeset } from "../render/typography.js";
import { providerColumns } from "./anchors.js";
import { escapeHtml, webEditionHtml } from "./web-edition.js";

// The words of the page head and of the sharing card; the labels files belong to the print.
const WORDS = {
  fr: { pdf: "Édition PDF", data: "Données ouvertes (CSV, JSON)", cover: "couverture", locale: "fr_FR" },
  en: { pdf: "PDF edition", data: "Open data (CSV, JSON)", cover: "cover", locale: "en_GB" },
} as const;

/** The sharing image's width: 1200 px, what Open Graph consumers ask for at least. */
export const COVER_WIDTH = 1200;

const RAW: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">" };

/** Plain text in its typographic form: typeset() works on HTML and leaves &, < and > escaped. */
const typographic = (text: string, language: Language, templatesDir: string) =>
  typeset(escapeHtml(text), language, templatesDir).replace(/&(?:amp|lt|gt);/g, (e) => RAW[e]);

export const webFileName = (edition: Edition) => `${edition.edition.id}-${edition.edition.language}-web.html`;
export const coverFileName = (edition: Edition) => `${edition.edition.id}-${edition.edition.language}-cover.png`;

export function webEdition(
  edition: Edition,
  printHtml: string,
  dirs: { htmlDir: string; assetsDir: string; templatesDir: string },
  /** The sharing image's size; none when it could not be drawn (no poppler). */
  cover: { width: number; height: number } | undefined,
): string {
  const { id, language, publication, label } = edition.edition;
  const words = WORDS[language];
  // The same typography as the page's <title> and text (quotes, spaces before French punctuation).
  const typo = (text: string) => typographic(text, language, dirs.templatesDir);
  const title = typo(edition.edition.title ?? `${publication} — ${label}`);
  const description = edition.edition.subject ? typo(edition.edition.subject) : title;
  return webEditionHtml(printHtml, {
    htmlDir: dirs.htmlDir,
    assetsDir: dirs.assetsDir,
    description,
    links: [
      { href: `${id}-${language}.pdf`, label: words.pdf },
      { href: `${id}-${language}-data/datapackage.json`, label: words.data },
    ],
    providers: providerColumns(edition),
    share: {
      title,
      description,
      locale: words.locale,
      siteName: typo(publication),
      image: cover && { href: coverFileName(edition), width: cover.width, height: cover.height, alt: `${title} (${words.cover})` },
    },
  });
}
