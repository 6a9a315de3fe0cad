// Where the web edition goes: output/<id>/<id>-<lang>-web.html, beside the PDF
// it links to and the open data folder, written in the same staged commit.
import type { Edition } from "../manifest/edition-schema.js";
import { webEditionHtml } from "./web-edition.js";

// The two link names of the page head; the labels files belong to the print.
const LINKS = {
  fr: { pdf: "Édition PDF", data: "Données ouvertes (CSV, JSON)" },
  en: { pdf: "PDF edition", data: "Open data (CSV, JSON)" },
} as const;

export const webFileName = (edition: Edition) => `${edition.edition.id}-${edition.edition.language}-web.html`;

export function webEdition(edition: Edition, printHtml: string, dirs: { htmlDir: string; assetsDir: string }): string {
  const { id, language } = edition.edition;
  const names = LINKS[language];
  return webEditionHtml(printHtml, {
    ...dirs,
    description: edition.edition.subject ?? `${edition.edition.publication} — ${edition.edition.label}`,
    links: [
      { href: `${id}-${language}.pdf`, label: names.pdf },
      { href: `${id}-${language}-data/datapackage.json`, label: names.data },
    ],
  });
}
