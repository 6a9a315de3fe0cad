// Micro-typography at render time, per the edition's language: the manifest
// stays as the editors wrote it, the printed text gets curly quotes and
// apostrophes, ellipses and, in French, the no-break spaces of the Imprimerie
// nationale's lexique. Typograf does the quotes, apostrophes and ellipses and
// keeps its hands off tags, attributes, URLs and e-mail addresses (its "safe
// tags"); the French spacing and English number ranges it lacks are added as
// Typograf rules of our own (typography-rules.ts). Every rule is idempotent:
// text that is already typographic comes out as it went in.
import { createRequire } from "node:module";
import type { Language } from "../manifest/primitives.js";
import { registerOwnRules } from "./typography-rules.js";

// The package is CommonJS (UMD); its types are those of the ES build.
const require = createRequire(import.meta.url);
type TypografInstance = { execute(text: string): string };
type TypografClass = {
  new (prefs: Record<string, unknown>): TypografInstance;
  addRule(rule: { name: string; handler: (text: string) => string; index?: number | string; queue?: string }): void;
};
const Typograf: TypografClass = require("typograf");
registerOwnRules(Typograf);

// Only the rules we chose are on (see the README, "Typography"): Typograf's
// defaults include Russian-minded ones (no-break spaces after every short
// word, 10 x 5 -> 10×5, (c) -> ©, 1/2 -> ½) that would change what editors wrote.
const COMMON = [
  "common/punctuation/quote",
  "common/punctuation/apostrophe",
  "common/punctuation/apostropheBeforeTag",
  "common/punctuation/hellip",
  "common/html/quot",
];
const RULES: Record<Language, { locale: string[]; enable: string[] }> = {
  fr: {
    locale: ["fr"],
    enable: [...COMMON, "fr/nbsp/quotes", "fr/nbsp/punctuation", "fr/nbsp/units", "fr/nbsp/thousands"],
  },
  en: { locale: ["en-US"], enable: [...COMMON, "en-US/dash/range", "en-US/punctuation/singleQuotes"] },
};

const instances = new Map<Language, TypografInstance>();

function typograf(language: Language): TypografInstance {
  let t = instances.get(language);
  if (!t) {
    const { locale, enable } = RULES[language];
    t = new Typograf({ locale, htmlEntity: { type: "default" } });
    const self = t as unknown as { disableRule(r: string): void; enableRule(r: string | string[]): void };
    self.disableRule("*");
    self.enableRule(enable);
    instances.set(language, t);
  }
  return t;
}

/** The typographic form of an HTML fragment (or plain text) in the edition's language. */
export function typeset(html: string, language: Language): string {
  if (!/['"&.:;!?%«»\-\d]/.test(html)) return html;
  // Typograf trims; keep the fragment's own leading and trailing white space.
  const lead = /^\s*/.exec(html)?.[0] ?? "";
  const trail = /\s*$/.exec(html)?.[0] ?? "";
  if (lead.length === html.length) return html;
  return lead + typograf(language).execute(html.slice(lead.length, html.length - trail.length)) + trail;
}

/** The rules on for each language, for the README and `--rules`-style listings. */
export function typographyRules(language: Language): readonly string[] {
  return RULES[language].enable;
}
