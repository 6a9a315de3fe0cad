// Typographic faults in printed text, judged in Node on the text of each
// element (preflight) or of a whole built HTML page (scripts/typography-counts.ts):
// straight quotes and apostrophes, and in French the missing no-break spaces.
// Addresses and e-mails are left out: their characters are not typography.

const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>«»"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The text with its addresses blanked out (same length, so offsets hold). */
export function withoutAddresses(text: string): string {
  return text.replace(ADDRESS, (m) => " ".repeat(m.length));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad" };

/** The printed text of a built HTML page: the body, without tags, styles, code or entities. */
export function visibleText(html: string): string {
  const body = html.slice(Math.max(0, html.indexOf("<body")));
  return (
    body
      .replace(/<(style|script|code|pre|title)\b[\s\S]*?<\/\1>/gi, " ")
      // Inline tags join their text to the words around; any other tag separates.
      .replace(/<\/?(?:a|em|strong|b|i|abbr|sup|sub|small)\b[^>]*>/gi, "")
      .replace(/<[^>]*>/g, " ")
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
        e.startsWith("#x")
          ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
          : e.startsWith("#")
            ? String.fromCodePoint(Number(e.slice(1)))
            : (ENTITIES[e] ?? m),
      )
  );
}

export interface TextFault {
  /** Offset in the text, and a few characters around it. */
  at: number;
  around: string;
  what: string;
}

const around = (text: string, at: number) =>
  text
    .slice(Math.max(0, at - 14), at + 14)
    .replace(/\u00ad/g, "")
    .replace(/\s+/g, " ")
    .trim();

export function straightQuoteFaults(text: string): TextFault[] {
  const clean = withoutAddresses(text);
  const out: TextFault[] = [];
  for (const m of clean.matchAll(/['"]/g)) {
    const at = m.index ?? 0;
    out.push({ at, around: around(text, at), what: m[0] === "'" ? "a straight apostrophe (')" : 'a straight quotation mark (")' });
  }
  return out;
}

export function straightQuotes(text: string): { apostrophes: number; doubles: number } {
  const faults = straightQuoteFaults(text);
  const apostrophes = faults.filter((f) => f.what.includes("apostrophe")).length;
  return { apostrophes, doubles: faults.length - apostrophes };
}

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const UNITS = "%|‰|€|k€|M€|Md€|Go|To|Mo|km";

/** French spacing (Imprimerie nationale): what is missing or wrong, at each place. */
export function frenchSpacingFaults(text: string): TextFault[] {
  // Text typed to show an entity ("&lt;b&gt;") prints its ";" as typed: the
  // typesetting rule leaves it unspaced (render/typography-rules.ts, same pattern), so does this.
  const clean = withoutAddresses(text)
    .replace(/\u00ad/g, "\u0000")
    .replace(/&(#\d+|#x[\da-f]+|[A-Za-z][a-z\d]+);/gu, (_m, name: string) => `&${name}\u0001`);
  const out: TextFault[] = [];
  const add = (at: number, what: string) => out.push({ at, around: around(text, at), what });
  for (const m of clean.matchAll(/([^\s!?;])(\s?)([!?;])/gu)) {
    if (m[1] === NNBSP || m[1] === NBSP || m[2] === NNBSP || m[1] === "\u0000" || /[(«[]/.test(m[1])) continue;
    const at = (m.index ?? 0) + m[1].length;
    add(at, m[2] ? `a breaking space before «${m[3]}» (expected U+202F)` : `no space before «${m[3]}» (expected U+202F)`);
  }
  for (const m of clean.matchAll(/(\S?)(\s?):(?=\s|$)/gu)) {
    if (m[2] === NBSP || (m[2] === "" && (m[1] === NBSP || m[1] === NNBSP)) || m[1] === "") continue;
    if (m[2] === "" && /[\d:]/.test(m[1])) continue;
    add((m.index ?? 0) + m[1].length, m[2] ? "a breaking space before «:» (expected U+00A0)" : "no space before «:» (expected U+00A0)");
  }
  for (const m of clean.matchAll(/«(\s?)/g)) if (m[1] !== NBSP) add(m.index ?? 0, "no no-break space after «");
  for (const m of clean.matchAll(/(\s?)»/g)) if (m[1] !== NBSP) add(m.index ?? 0, "no no-break space before »");
  for (const m of clean.matchAll(new RegExp(`(\\d+)([ \\u2009]?)(${UNITS})(?![\\p{L}\\d])`, "gu")))
    add((m.index ?? 0) + m[1].length, `«${m[1]}${m[2]}${m[3]}»: no no-break space between the number and ${m[3]}`);
  return out.sort((a, b) => a.at - b.at);
}
