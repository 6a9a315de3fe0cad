// What the preview renders: one language of one edition. Ids and languages come
// from the query string, so they are checked against strict patterns before use.
import { EDITION_ID, LANGUAGES, type Language } from "../manifest/primitives.js";

export interface Target {
  id: string;
  language: Language;
}

export function targetKey(target: Target): string {
  return `${target.id}/${target.language}`;
}

/** A target from untrusted text, or undefined when either part is malformed. */
export function parseTarget(id: string | null | undefined, language: string | null | undefined): Target | undefined {
  if (!id || !language || !EDITION_ID.test(id) || !(LANGUAGES as readonly string[]).includes(language)) return undefined;
  return { id, language: language as Language };
}

export function targetFromKey(key: string): Target | undefined {
  const [id, language] = key.split("/");
  return parseTarget(id, language);
}
