// What the JSON Schema adds for editors beyond what zod emits: date patterns
// that refuse impossible days (so 2026-02-30 is underlined as it is typed; zod
// checks the day with code, which a JSON Schema cannot carry), and a snippet
// per section type whose tab stops are numbered once across the whole snippet.
type Node = Record<string, unknown>;

// Days that exist in each month; 29 February only in leap years (Gregorian).
const DAY = String.raw`(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))`;
const LEAP_DAY = String.raw`(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29`;
export const DATE_PATTERN = String.raw`^(?:\d{4}-${DAY}|${LEAP_DAY})$`;
export const PARTIAL_DATE_PATTERN = String.raw`^(?:\d{4}-(?:0[1-9]|1[0-2])|\d{4}-${DAY}|${LEAP_DAY})$`;

// The patterns zod emits for IsoDate and PartialDate (src/manifest/primitives.ts).
const LOOSE_PATTERNS: Record<string, string> = {
  [String.raw`^\d{4}-\d{2}-\d{2}$`]: DATE_PATTERN,
  [String.raw`^\d{4}-\d{2}(-\d{2})?$`]: PARTIAL_DATE_PATTERN,
};

/** Every date pattern made strict, in place. */
export function strictDates(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(strictDates);
  if (node === null || typeof node !== "object") return;
  const n = node as Node;
  if (typeof n.pattern === "string" && LOOSE_PATTERNS[n.pattern]) n.pattern = LOOSE_PATTERNS[n.pattern];
  for (const value of Object.values(n)) strictDates(value);
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
