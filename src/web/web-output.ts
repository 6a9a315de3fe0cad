// Where the web edition goes: output/<id>/<id>-<lang>-web.html, beside the PDF
// it links to, the open data folder and its sharing image (the PDF's cover,
// <id>-<lang>-cover.png), all written in the same staged commit.
import type { Edition } from "../manifest/edition-schema.js";
import { providerColumns } from "./anchors.js";
import { webEditionHtml } from "./web-edition.js";

// The words of the page head and of the sharing card; the labels files belong to the print.
const WORDS = {
  fr: { pdf: "Édition PDF", data: "Données ouvertes (CSV, JSON)", cover: "couverture", locale: "fr_FR" },
  en: { pdf: "PDF edition", data: "Open data (CSV, JSON)", cover: "cover", locale: "en_GB" },
} as const;

/** The sharing image's width: 1200 px, what Open Graph consumers ask for at least. */
export const COVER_WIDTH = 1200;

export const webFileName = (edition: Edition) => `${edition.edition.id}-${edition.edition.language}-web.html`;
export const coverFileName = (edition: Edition) => `${edition.edition.id}-${edition.edition.language}-cover.png`;

export function webEdition(
  edition: Edition,
  printHtml: string,
  dirs: { htmlDir: string; assetsDir: string },
  cover: { width: number; height: number },
): string {
  const { id, language, publication, label } = edition.edition;
  const words = WORDS[language];
  const title = edition.edition.title ?? `${publication} — ${label}`;
  const description = edition.edition.subject ?? title;
  return webEditionHtml(printHtml, {
    ...dirs,
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
      siteName: publication,
      image: { href: coverFileName(edition), ...cover, alt: `${title} (${words.cover})` },
    },
  });
}
