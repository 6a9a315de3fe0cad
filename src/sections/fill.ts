// Fills the {{slots}} of a label with generated values, so that the sentence
// reads as a native writer would write it whatever the month or the count:
// - {{n}} is replaced by the value;
// - {{n|candidat|candidats}} by the noun that agrees with the number n (French
//   takes the singular for 0 and 1, English for 1 only); the number itself is
//   written by a separate {{n}};
// - in French, "de", "que", "le", "la" before a slot whose value starts with a
//   vowel are elided: "l’édition de {{first}}" with "avril 2026" gives
//   "l’édition d’avril 2026" (never before an h, which may be aspirated).
import type { Language } from "../manifest/primitives.js";

type Values = Record<string, string | number>;

const VOWEL = /^[aeiouyàâäéèêëîïôöûüœæ]/i;
const ELIDED: Record<string, string> = { de: "d’", De: "D’", que: "qu’", le: "l’", la: "l’", Le: "L’", La: "L’" };

/** The noun form that agrees with `n` in the language. */
export function agree(n: number, singular: string, plural: string, language: Language): string {
  const one = language === "fr" ? Math.abs(n) < 2 : Math.abs(n) === 1;
  return one ? singular : plural;
}

export function fill(template: string, values: Values, language: Language = "en"): string {
  const withNouns = template.replace(/\{\{(\w+)\|([^|}]*)\|([^|}]*)\}\}/g, (whole, key: string, one: string, many: string) =>
    key in values ? agree(Number(values[key]), one, many, language) : whole,
  );
  const elide = (text: string) =>
    language !== "fr"
      ? text
      : text.replace(/(^|[\s(«\u00a0])(de|De|que|le|la|Le|La) \{\{(\w+)\}\}/g, (whole, before: string, word: string, key: string) =>
          key in values && VOWEL.test(String(values[key])) ? `${before}${ELIDED[word]}{{${key}}}` : whole,
        );
  return elide(withNouns).replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
