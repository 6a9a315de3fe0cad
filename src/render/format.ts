// Dates and numbers in the edition's language.
import { isPlaceholder } from "../manifest/placeholder.js";
import type { Language } from "../manifest/primitives.js";

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/** "2025-05-14" -> "14 mai 2025" / "14 May 2025"; "2025-10" -> "octobre 2025" / "October 2025". */
export function formatDate(value: string, language: Language, opts: { inText?: boolean } = {}): string {
  if (isPlaceholder(value)) return value; // a date to confirm, marked in a draft
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d ?? 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }
    : { month: "long", year: "numeric", timeZone: "UTC" };
  const text = new Intl.DateTimeFormat(LOCALES[language], options).format(date);
  // French month names are lower case in running text, but a month-only
  // date stands alone in the sources list, where it starts with a capital.
  return d || opts.inText ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}
