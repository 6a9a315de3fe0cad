// Moving "APRIL 2026 EDITION" or "ÉDITION DÉCEMBRE 2025" on to another month,
// in the label's language and letter case.
import type { Language } from "../manifest/primitives.js";

export const MONTHS: Record<Language, readonly string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
};

/** The case of `model` applied to `word`: "DÉCEMBRE", "Décembre" or "décembre". */
function inCaseOf(model: string, word: string, language: Language): string {
  if (model === model.toLocaleUpperCase(language) && model !== model.toLocaleLowerCase(language)) return word.toLocaleUpperCase(language);
  const first = model.charAt(0);
  if (first === first.toLocaleUpperCase(language) && first !== first.toLocaleLowerCase(language))
    return word.charAt(0).toLocaleUpperCase(language) + word.slice(1).toLocaleLowerCase(language);
  return word.toLocaleLowerCase(language);
}

/**
 * Replaces the first "<month> <year>" of `text` with the month of `id`
 * (YYYY-MM); undefined when the text names no month, so the caller can say so.
 */
export function moveMonth(text: string, language: Language, id: string): string | undefined {
  const [year, month] = id.split("-").map(Number);
  const names = MONTHS[language].map((m) => m.normalize("NFC")).join("|");
  // \b is ASCII-only: "ÉDITION" or "AOÛT" need letter-aware edges.
  const pattern = new RegExp(`(?<!\\p{L})(${names})(\\s+)(\\d{4})(?!\\d)`, "iu");
  const normalized = text.normalize("NFC");
  const match = pattern.exec(normalized);
  if (!match) return undefined;
  const replacement = `${inCaseOf(match[1], MONTHS[language][month - 1], language)}${match[2]}${year}`;
  return normalized.slice(0, match.index) + replacement + normalized.slice(match.index + match[0].length);
}
