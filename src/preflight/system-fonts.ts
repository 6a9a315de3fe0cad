// Whether a character the edition's fonts lack exists in some font of this
// machine. Chromium on Linux asks fontconfig for a fallback font, so we ask
// fontconfig too: found, the character printed in that other font; not
// found, it printed as an empty box.
import { execFileSync } from "node:child_process";

const cache = new Map<string, string | null>();
let available: boolean | undefined;

/**
 * The family of a font that has `ch`, null when none has, undefined when
 * fontconfig's fc-list is not installed (then nobody can tell).
 */
export function systemFontWith(ch: string): string | null | undefined {
  if (available === false) return undefined;
  const hit = cache.get(ch);
  if (hit !== undefined) return hit;
  const cp = ch.codePointAt(0)?.toString(16) ?? "0";
  try {
    const out = execFileSync("fc-list", [`:charset=${cp}`, "family"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    available = true;
    const family = out.split("\n").filter(Boolean).sort()[0]?.split(",")[0] ?? null;
    cache.set(ch, family);
    return family;
  } catch {
    available = false;
    return undefined;
  }
}
