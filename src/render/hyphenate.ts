// Chromium's `hyphens: auto` needs dictionaries that Linux builds download
// through the component updater, which we disable (no network while
// rendering), so on Linux it silently does nothing. We insert soft hyphens
// (U+00AD) with Liang's patterns instead; the browser only shows a hyphen
// where it actually breaks a line.
import { createRequire } from "node:module";
import type { Language } from "../manifest/primitives.js";

// The package is CommonJS whose exports Node cannot detect statically.
const require = createRequire(import.meta.url);
type Hyphenator = (html: string, options?: { minWordLength?: number }) => string;
const hyphenateEn: Hyphenator = require("hyphen/en-gb").hyphenateHTMLSync;
const hyphenateFr: Hyphenator = require("hyphen/fr").hyphenateHTMLSync;

const HYPHENATORS: Record<Language, (html: string) => string> = {
  fr: (html) => hyphenateFr(html, { minWordLength: 7 }),
  en: (html) => hyphenateEn(html, { minWordLength: 7 }),
};

/** Add soft hyphens to the text (not the tags or URLs) of an HTML fragment. */
export function hyphenateHtml(html: string, language: Language): string {
  return HYPHENATORS[language](html);
}
