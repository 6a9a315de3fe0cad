// Which of the edition's languages a passage reads as, from its function
// words (articles, prepositions, pronouns): words that name things (IaaS,
// Cloud Temple, Share and Workspace) carry no vote, so product names and
// acronyms never make a passage "English". No verdict without clear evidence.
import type { Language } from "../manifest/primitives.js";

// Words frequent in one language and absent (or rare) in the other. Words
// shared by both ("a", "on", "en", "de", "plus", "son", "site") are left out.
const WORDS: Record<Language, Set<string>> = {
  fr: new Set(
    (
      "le la les des du et est sont un une dans pour par sur qui que au aux ce cette ces il elle ils elles nous vous " +
      "leur leurs ne pas avec sans mais ou où dont être été sera seront fait faire peut peuvent doit doivent entre " +
      "chez aussi très tout tous toute toutes notre nos votre vos lors ainsi depuis selon vers afin sous comme était"
    ).split(" "),
  ),
  en: new Set(
    (
      "the and of to is are was were be been being for with that this these those from by it its which who whom " +
      "whose what when where while has have had will would can could should must may not but at as into than " +
      "then there their they them our we you your he she his her about after before between through under over also"
    ).split(" "),
  ),
};

export interface Guess {
  language: Language;
  /** Function words counted for each language. */
  votes: Record<Language, number>;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, " ")
    .split(/[^\p{L}]+/u)
    .filter(Boolean);
}

/**
 * The language a passage reads as, or undefined when the evidence is thin:
 * at least `min` function words of one language and four times as many as
 * of the other.
 */
export function guessLanguage(text: string, min = 3): Guess | undefined {
  const votes: Record<Language, number> = { fr: 0, en: 0 };
  for (const w of words(text)) for (const lang of ["fr", "en"] as const) if (WORDS[lang].has(w)) votes[lang]++;
  const [best, other] = votes.fr >= votes.en ? (["fr", "en"] as const) : (["en", "fr"] as const);
  if (votes[best] < min || votes[best] < 4 * votes[other]) return undefined;
  return { language: best, votes };
}

/** "en-GB" -> "en"; unknown or empty -> undefined. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().toLowerCase().split("-")[0];
  return primary || undefined;
}

export const LANGUAGE_NAMES: Record<string, string> = { fr: "French", en: "English" };
