// Which words are never hyphenated: proper names (every provider and offer
// name the edition's tables print), acronyms and words with inner capitals
// or digits (SecNumCloud, ANSSI, S3NS), the words of the editors' exceptions
// file (templates/hyphenation.yaml), and the words the printing step found
// badly broken in a first print (a ladder, a split across columns, a fragment
// alone on a last line: see src/typeset/).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Edition } from "../manifest/edition-schema.js";
import { TemplateError, templateFileError } from "../sections/template-error.js";

export interface HyphenPolicy {
  /** Words of proper names, as written (case matters: "Confiance" is a name, "confiance" a word). */
  names: ReadonlySet<string>;
  /** Lower case: never broken. */
  never: ReadonlySet<string>;
  /** Lower case word -> its only allowed breaks, "in-fra-struc-ture". */
  breaks: ReadonlyMap<string, string>;
  /** Lower case: left whole in this edition after a measured fault. */
  keepWhole: ReadonlySet<string>;
}

/** A capital after the first letter (SecNumCloud, ANSSI, iPhone) or a digit: an identifier, not a word. */
export function looksLikeIdentifier(word: string): boolean {
  return /\d/.test(word) || /^.+\p{Lu}/u.test(word);
}

export function isProtectedWord(word: string, policy: HyphenPolicy | undefined): boolean {
  if (looksLikeIdentifier(word)) return true;
  if (!policy) return false;
  const lower = word.toLowerCase();
  return policy.names.has(word) || policy.never.has(lower) || policy.keepWhole.has(lower);
}

/** The capitalised words of every provider and offer name in the edition. */
export function editionNames(edition: Edition): Set<string> {
  const names = new Set<string>();
  const add = (name: string | undefined) => {
    for (const w of name?.match(/\p{L}[\p{L}\p{M}\d]*/gu) ?? []) if (/^\p{Lu}/u.test(w)) names.add(w);
  };
  for (const s of edition.sections) {
    if (s.type === "providers")
      for (const m of s.models)
        for (const r of [...m.in_progress, ...m.qualified]) {
          add(r.provider);
          add(r.offer);
        }
    if (s.type === "paas-zoom") for (const o of s.offers) add(o.name);
  }
  return names;
}

const ExceptionsSchema = z.strictObject({
  never: z.array(z.string()).default([]),
  breaks: z.array(z.string().regex(/^[\p{L}\p{M}]+(-[\p{L}\p{M}]+)*$/u)).default([]),
});
export type HyphenationExceptions = z.infer<typeof ExceptionsSchema>;

const cache = new Map<string, HyphenationExceptions>();

/** templates/hyphenation.yaml, re-read when it changes (the preview edits it live). */
export function loadHyphenationExceptions(templatesDir: string): HyphenationExceptions {
  const file = path.join(templatesDir, "hyphenation.yaml");
  let key: string;
  try {
    key = `${file}:${statSync(file).mtimeMs}`;
  } catch {
    return { never: [], breaks: [] };
  }
  const hit = cache.get(key);
  if (hit) return hit;
  let parsed: ReturnType<typeof ExceptionsSchema.safeParse>;
  try {
    parsed = ExceptionsSchema.safeParse(parse(readFileSync(file, "utf8")) ?? {});
  } catch (err) {
    throw templateFileError(file, err, "hyphenation file");
  }
  if (!parsed.success)
    throw new TemplateError(
      file,
      1,
      1,
      `expected "never:" and "breaks:" lists of words (breaks written like in-fra-struc-ture): ${parsed.error.issues[0]?.message}`,
    );
  cache.set(key, parsed.data);
  return parsed.data;
}

export function hyphenPolicy(edition: Edition, templatesDir: string, keepWhole: Iterable<string> = []): HyphenPolicy {
  const ex = loadHyphenationExceptions(templatesDir);
  return {
    names: editionNames(edition),
    never: new Set(ex.never.map((w) => w.toLowerCase())),
    breaks: new Map(ex.breaks.map((b) => [b.replace(/-/g, "").toLowerCase(), b.toLowerCase()])),
    keepWhole: new Set([...keepWhole].map((w) => w.toLowerCase())),
  };
}
