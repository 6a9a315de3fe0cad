// What the preview renders: one language of one edition, in the digital
// profile or the print one (bleed, trim and crop marks, as the printer gets
// them). Ids, languages and profiles come from the query string, so they are
// checked against strict patterns before use.
import { EDITION_ID, LANGUAGES, type Language } from "../manifest/primitives.js";

export interface Target {
  id: string;
  language: Language;
  /** The print profile; the digital one when absent. */
  profile?: "print";
}

export function targetKey(target: Target): string {
  return `${target.id}/${target.language}${target.profile === "print" ? "/print" : ""}`;
}

/** A target from untrusted text, or undefined when any part is malformed. */
export function parseTarget(
  id: string | null | undefined,
  language: string | null | undefined,
  profile?: string | null,
): Target | undefined {
  if (!id || !language || !EDITION_ID.test(id) || !(LANGUAGES as readonly string[]).includes(language)) return undefined;
  if (profile && profile !== "print" && profile !== "digital") return undefined;
  return { id, language: language as Language, ...(profile === "print" && { profile: "print" as const }) };
}

export function targetFromKey(key: string): Target | undefined {
  const [id, language, profile, ...rest] = key.split("/");
  return rest.length ? undefined : parseTarget(id, language, profile);
}
