// Micro-typography at render time, per the edition's language: the manifest
// stays as the editors wrote it, the printed text gets curly quotes and
// apostrophes, ellipses and, in French, the no-break spaces of the Imprimerie
// nationale's lexique. Typograf does the quotes, apostrophes and ellipses and
// keeps its hands off tags, attributes, URLs and e-mail addresses (its "safe
// tags"); the French spacing and English number ranges it lacks are added as
// Typograf rules of our own (typography-rules.ts). Every rule is idempotent:
// text that is already typographic comes out as it went in.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Language } from "../manifest/primitives.js";
import { TemplateError, templateFileError } from "../sections/template-error.js";
import { registerOwnRules } from "./typography-rules.js";

// The package is CommonJS (UMD); its types are those of the ES build.
const require = createRequire(import.meta.url);
type TypografInstance = { execute(text: string): string };
type TypografClass = {
  new (prefs: Record<string, unknown>): TypografInstance;
  getRules(): { name: string }[];
  addRule(rule: { name: string; handler: (text: string) => string; index?: number | string; queue?: string }): void;
};
const Typograf: TypografClass = require("typograf");
registerOwnRules(Typograf);

// The rules on for each language are listed in templates/typography.yaml (see
// the README, "Typography"); these are the defaults when it is absent.
// Typograf's own defaults include Russian-minded rules (no-break spaces after
// every short word, 10 x 5 -> 10×5, (c) -> ©, 1/2 -> ½) that would change what
// editors wrote, so every rule is off unless listed.
const COMMON = [
  "common/punctuation/quote",
  "common/punctuation/apostrophe",
  "common/punctuation/apostropheBeforeTag",
  "common/punctuation/hellip",
  "common/html/quot",
  "common/punctuation/singleQuotes",
  "common/punctuation/apostropheAfterWord",
  "common/nbsp/dates",
  "common/punctuation/hellipSpace",
  "common/punctuation/connector",
];
export const DEFAULT_RULES: Record<Language, string[]> = {
  fr: [...COMMON, "fr/nbsp/quotes", "fr/nbsp/punctuation", "fr/nbsp/units", "fr/nbsp/thousands"],
  en: [...COMMON, "en-US/dash/range"],
};
// Typograf's locale: French quotes « » (“ ” inside), and for English the
// double quotes “ ” first (‘ ’ inside), as the en-US locale sets them.
const LOCALE: Record<Language, string> = { fr: "fr", en: "en-US" };

const ConfigSchema = z.strictObject({ fr: z.array(z.string()), en: z.array(z.string()) });
const configs = new Map<string, Record<Language, string[]>>();

/** templates/typography.yaml, re-read when it changes. */
export function typographyRules(templatesDir?: string): Record<Language, string[]> {
  if (!templatesDir) return DEFAULT_RULES;
  const file = path.join(templatesDir, "typography.yaml");
  let key: string;
  try {
    key = `${file}:${statSync(file).mtimeMs}`;
  } catch {
    return DEFAULT_RULES;
  }
  const hit = configs.get(key);
  if (hit) return hit;
  let parsed: ReturnType<typeof ConfigSchema.safeParse>;
  try {
    parsed = ConfigSchema.safeParse(parse(readFileSync(file, "utf8")));
  } catch (err) {
    throw templateFileError(file, err, "typography file");
  }
  if (!parsed.success)
    throw new TemplateError(file, 1, 1, `expected lists of rule names under fr: and en: (${parsed.error.issues[0]?.message})`);
  const known = new Set(Typograf.getRules().map((r) => r.name));
  for (const name of [...parsed.data.fr, ...parsed.data.en])
    if (!known.has(name)) throw new TemplateError(file, 1, 1, `no typography rule is called "${name}"`);
  configs.set(key, parsed.data);
  return parsed.data;
}

const instances = new Map<string, TypografInstance>();

function typograf(language: Language, enable: string[]): TypografInstance {
  const key = `${language}:${enable.join(",")}`;
  let t = instances.get(key);
  if (!t) {
    t = new Typograf({ locale: [LOCALE[language]], htmlEntity: { type: "default" } });
    const self = t as unknown as { disableRule(r: string): void; enableRule(r: string | string[]): void };
    self.disableRule("*");
    self.enableRule(enable);
    instances.set(key, t);
  }
  return t;
}

// The rules work on text, never on markup: in the text between tags, the
// entities the escaping wrote are decoded first, so that "&", "<" and ">" are
// characters to the rules (the French space before ";" would otherwise split
// "&amp;" into "&amp ;"). The three that must stay escaped are held as
// private-use characters, which no rule matches, and written back after.
// U+E010–E012: U+E000/E001 already mark placeholders (manifest/placeholder.ts).
const HELD: Record<string, string> = { "&amp;": "\uE010", "&lt;": "\uE011", "&gt;": "\uE012" };
const RELEASED: Record<string, string> = { "\uE010": "&amp;", "\uE011": "&lt;", "\uE012": "&gt;" };
const NAMED: Record<string, string> = { quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeText(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return HELD[whole.toLowerCase()] ?? NAMED[name.toLowerCase()] ?? whole;
    const cp = dec ? Number(dec) : Number.parseInt(hex ?? "", 16);
    const ch = cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    return ch === "&" ? HELD["&amp;"] : ch === "<" ? HELD["&lt;"] : ch === ">" ? HELD["&gt;"] : ch;
  });
}

/** Text between tags decoded, tags and the insides of <style>, <script> and <svg> left as they are. */
function holdEntities(html: string): string {
  return html.replace(/(<(style|script|svg)\b[\s\S]*?<\/\2>|<[^>]*>)|([^<]+)/gi, (whole, tag?: string, _name?: string, text?: string) =>
    tag ? tag : decodeText(text ?? whole),
  );
}

const releaseEntities = (html: string) => html.replace(/[\uE010-\uE012]/g, (c) => RELEASED[c]);

// A passage marked in another language (a French source title in the English
// edition: lang="fr") takes that language's rules; it is set apart as a
// placeholder tag, which the page's own pass leaves alone as it does every tag.
const FOREIGN = /<(p|span|li|td|th|h[1-6]|blockquote|q|cite|em|strong)\b([^>]*\slang="(fr|en)(?:-[A-Za-z]+)?"[^>]*)>([\s\S]*?)<\/\1>/g;

/** The typographic form of an HTML fragment (or plain text) in the edition's language. */
export function typeset(html: string, language: Language, templatesDir?: string): string {
  const held: string[] = [];
  const own = html.replace(FOREIGN, (whole, tag: string, attrs: string, lang: Language, inner: string) => {
    if (lang === language) return whole;
    held.push(`<${tag}${attrs}>${typesetIn(inner, lang, templatesDir)}</${tag}>`);
    return `<x-held n="${held.length - 1}"></x-held>`;
  });
  const out = typesetIn(own, language, templatesDir);
  return held.length ? out.replace(/<x-held n="(\d+)"><\/x-held>/g, (_m, n: string) => held[Number(n)]) : out;
}

function typesetIn(html: string, language: Language, templatesDir?: string): string {
  // Text with none of the characters a rule works on is left as it is (most headings and cells).
  if (!/['"&.:;!?%«»…=\-\d]/.test(html)) return html;
  // Typograf trims; keep the fragment's own leading and trailing white space.
  const lead = /^\s*/.exec(html)?.[0] ?? "";
  const trail = /\s*$/.exec(html)?.[0] ?? "";
  if (lead.length === html.length) return html;
  const t = typograf(language, typographyRules(templatesDir)[language]);
  const body = holdEntities(html.slice(lead.length, html.length - trail.length));
  return lead + releaseEntities(t.execute(body)) + trail;
}
