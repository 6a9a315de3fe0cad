// The document's title and subject as a reader's tools show them (the window's
// title bar, a library's catalogue, search results): typeset like the printed
// text (curly apostrophes, French no-break spaces), and a label the editors
// typed in capitals for the cover ("ÉDITION DÉCEMBRE 2025", "APRIL 2026
// EDITION") set in the case of a title: capitals read as shouting in a list of
// documents, and the cover's capitals are its style, not the words'.
import type { Language } from "../manifest/primitives.js";
import { typeset } from "../render/typography.js";

// Words kept in capitals when a label is recased: acronyms and roman numerals.
const ACRONYM = /^(?:ANSSI|SNC|UE|EU|IA|AI|PME|SME|TPE|ETI|RGPD|GDPR|NIS\d*|[IVX]+)$/u;
// English words a title leaves in lower case (Chicago): articles, short prepositions, conjunctions.
const SMALL_EN = new Set(["a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "as"]);

const upperFirst = (w: string) => w.charAt(0).toLocaleUpperCase() + w.slice(1);

/** A part written wholly in capitals (two words at least), recased; any other part as it is. */
export function titleCase(text: string, language: Language): string {
  return text
    .split(/(\s+[—–-]\s+)/)
    .map((part) => {
      const words = part.match(/\p{L}+/gu) ?? [];
      if (words.length < 2 || /\p{Ll}/u.test(part)) return part;
      let first = true;
      return part.replace(/\p{L}+/gu, (word) => {
        const isFirst = first;
        first = false;
        if (ACRONYM.test(word)) return word;
        const lower = word.toLocaleLowerCase(language);
        // French titles take a capital on their first word only (décembre stays lower case).
        if (language === "fr") return isFirst ? upperFirst(lower) : lower;
        return isFirst || !SMALL_EN.has(lower) ? upperFirst(lower) : lower;
      });
    })
    .join("");
}

/**
 * Plain text typeset as the printed text is (typeset() reads HTML: the text is
 * escaped through it). Its no-break spaces become spaces: metadata never wraps,
 * and a catalogue's search for "décembre 2025" must find it.
 */
export function typesetPlain(text: string, language: Language): string {
  const html = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return typeset(html, language)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[\u00a0\u202f]/g, " ");
}

export function documentTitle(title: string, language: Language): string {
  return typesetPlain(titleCase(title, language), language);
}
