// Chromium's `hyphens: auto` needs dictionaries that Linux builds download
// through the component updater, which we disable (no network while
// rendering), so on Linux it silently does nothing. We insert soft hyphens
// (U+00AD) with Liang's patterns instead; the browser only shows a hyphen
// where it actually breaks a line. Words a typographer never breaks are left
// whole (see word-policy.ts). The columns are set ragged right, where a break
// buys little (the rag may vary) and every hyphen is read: only long words
// are broken, and a break keeps at least 3 letters on each side in both
// languages ("ro-/buste", "de-/vienne" read as a stammer at a line end).
import { createRequire } from "node:module";
import type { Language } from "../manifest/primitives.js";
import { type HyphenPolicy, isProtectedWord } from "./word-policy.js";

// The package is CommonJS whose exports Node cannot detect statically.
const require = createRequire(import.meta.url);
type Hyphenator = (text: string, options?: { minWordLength?: number; exceptions?: string[] }) => string;
// Loaded on first use: `check` registers the template helpers to check the
// templates, and must not pay for the patterns (tests/cli/observatory.test.ts).
const PACKAGES: Record<Language, string> = { fr: "hyphen/fr", en: "hyphen/en-gb" };
const loaded = new Map<Language, Hyphenator>();
function patterns(language: Language): Hyphenator {
  let hyphenator = loaded.get(language);
  if (!hyphenator) {
    hyphenator = require(PACKAGES[language]).hyphenateSync as Hyphenator;
    loaded.set(language, hyphenator);
  }
  return hyphenator;
}

/** Letters that must stay before and after any break. */
export const MIN_BEFORE: Record<Language, number> = { fr: 3, en: 3 };
export const MIN_AFTER = 3;
/** Shorter words are never broken: ragged right lets them go whole to the next line. */
export const MIN_WORD = 11;

const SHY = "\u00ad";
// A token is what sits between spaces; one that looks like an address, a path
// or an e-mail is never touched, whatever its letters.
const ADDRESS = /[/@\\]|\.\p{L}|^www|:\/\/|_/u;
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

function hyphenateWord(word: string, language: Language, policy: HyphenPolicy | undefined): string {
  if (word.length < MIN_WORD || isProtectedWord(word, policy)) return word;
  const listed = policy?.breaks.get(word.toLowerCase());
  const broken = listed ? applyListed(word, listed) : patterns(language)(word, { minWordLength: MIN_WORD });
  const parts = broken.split(SHY);
  // Drop the breaks too near either end of the word.
  let out = "";
  let seen = 0;
  parts.forEach((part, i) => {
    if (i > 0) {
      const before = seen;
      const after = word.length - seen;
      if (before >= MIN_BEFORE[language] && after >= MIN_AFTER) out += SHY;
    }
    out += part;
    seen += part.length;
  });
  return out;
}

/** "in-fra-struc-ture" from the exceptions file, on the word as written (its case kept). */
function applyListed(word: string, pattern: string): string {
  let out = "";
  let i = 0;
  for (const ch of pattern) {
    if (ch === "-") out += SHY;
    else out += word[i++] ?? "";
  }
  return out + word.slice(i);
}

// After these a capital starts a sentence; elsewhere it starts a proper name.
const SENTENCE_END = /[.!?:;…»"”]$/;

function hyphenateText(text: string, language: Language, policy: HyphenPolicy | undefined, state: { previous: string }): string {
  return text.replace(/[^\s]+/g, (token) => {
    const previous = state.previous;
    state.previous = token;
    if (ADDRESS.test(token) || token.includes(SHY)) return token;
    return token.replace(WORD, (word, at: number) => {
      // A word glued to digits (S3NS, PREMI3NS, 2FA) is an identifier, not a word.
      const prev = token[at - 1] ?? "";
      const next = token[at + word.length] ?? "";
      if (/\d/.test(prev) || /\d/.test(next)) return word;
      // A capitalised word inside a sentence is a name (Vincent Strubel, Bruxelles).
      if (/^\p{Lu}/u.test(word) && previous !== "" && !SENTENCE_END.test(previous)) return word;
      return hyphenateWord(word, language, policy);
    });
  });
}

// Elements whose text is never hyphenated, even inside an `md` value.
const SKIP = /^(code|pre|kbd|samp|script|style|svg|title)$/i;

/** Add soft hyphens to the text (not the tags, addresses or code) of an HTML fragment. */
export function hyphenateHtml(html: string, language: Language, policy?: HyphenPolicy): string {
  let out = "";
  const state = { previous: "" };
  let skipping: string | null = null;
  let last = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)[^>]*>/g)) {
    const text = html.slice(last, m.index);
    out += skipping ? text : hyphenateText(text, language, policy, state);
    out += m[0];
    last = (m.index ?? 0) + m[0].length;
    const [, close, tag] = m;
    if (!skipping && !close && SKIP.test(tag)) skipping = tag.toLowerCase();
    else if (skipping && close && tag.toLowerCase() === skipping) skipping = null;
  }
  const rest = html.slice(last);
  return out + (skipping ? rest : hyphenateText(rest, language, policy, state));
}
