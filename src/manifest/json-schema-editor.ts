// What the JSON Schema adds for editors beyond what zod emits: date patterns
// that refuse impossible days (so 2026-02-30 is underlined as it is typed; zod
// checks the day with code, which a JSON Schema cannot carry), the words shown
// when a pattern does not match, and a snippet per section type whose tab stops
// are numbered once across the whole snippet. Checked with yaml-language-server 1.x.
import { EDITION_ID } from "./primitives.js";

type Node = Record<string, unknown>;

// Days that exist in each month; 29 February only in leap years (Gregorian).
const DAY = String.raw`(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))`;
const LEAP_DAY = String.raw`(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29`;
export const DATE_PATTERN = String.raw`^(?:\d{4}-${DAY}|${LEAP_DAY})$`;
export const PARTIAL_DATE_PATTERN = String.raw`^(?:\d{4}-(?:0[1-9]|1[0-2])|\d{4}-${DAY}|${LEAP_DAY})$`;

// The patterns zod emits (src/manifest/primitives.ts and the edition id), the
// pattern editors get instead, and the words they show when it does not match
// (patternErrorMessage, read by VS Code's YAML and JSON extensions) rather than the
// regular expression itself.
const PATTERNS: Record<string, { pattern: string; message: string }> = {
  "^\\d{4}-\\d{2}-\\d{2}$": { pattern: DATE_PATTERN, message: "Expected a real calendar date written YYYY-MM-DD" },
  "^\\d{4}-\\d{2}(-\\d{2})?$": {
    pattern: PARTIAL_DATE_PATTERN,
    message: "Expected a real calendar date written YYYY-MM-DD, or YYYY-MM",
  },
  [EDITION_ID.source]: {
    pattern: EDITION_ID.source,
    message: 'Expected an edition id as a quoted month, like "2026-04"',
  },
  "^[a-z0-9]+(?:-[a-z0-9]+)*$": {
    pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$",
    message: "Expected an identifier in lower case with dashes, like s3ns-j1",
  },
};

/** Date patterns made strict, and a message for each known pattern, in place. */
export function editorPatterns(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(editorPatterns);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as Node;
  const known = typeof n.pattern === "string" ? PATTERNS[n.pattern] : undefined;
  if (known) Object.assign(n, { pattern: known.pattern, patternErrorMessage: known.message });
  for (const value of Object.values(n)) editorPatterns(value);
}

/** A value for a snippet: the required fields only, each string a numbered tab stop. */
function skeleton(node: Node, name: string, next: () => number): unknown {
  if (node.const !== undefined) return node.const;
  if (Array.isArray(node.enum)) return `\${${next()}:${node.enum[0]}}`;
  const variants = (node.anyOf ?? node.oneOf) as Node[] | undefined;
  if (variants) return skeleton(variants.find((v) => v.type !== "null") ?? variants[0], name, next);
  if (node.type === "object") {
    const properties = (node.properties ?? {}) as Record<string, Node>;
    const required = (node.required ?? []) as string[];
    return Object.fromEntries(required.filter((k) => properties[k]).map((k) => [k, skeleton(properties[k], k, next)]));
  }
  if (node.type === "array") return [skeleton((node.items ?? {}) as Node, name, next)];
  if (node.type === "boolean") return false;
  if (node.type === "number" || node.type === "integer") return 1;
  return `\${${next()}:${name}}`;
}

/** yaml-language-server's defaultSnippets on each section type, labelled by the type. */
export function addSectionSnippets(sectionVariants: Node[]): void {
  for (const variant of sectionVariants) {
    let stop = 0;
    const body = skeleton(variant, "section", () => ++stop);
    const type = ((variant.properties as Record<string, Node>).type as Node).const as string;
    variant.defaultSnippets = [{ label: type, description: variant.description, body }];
  }
}
