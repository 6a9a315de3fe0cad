// The preflight rules, their ids and what a finding says. A finding is an
// error (the build fails unless --allow names its rule) or a warning.

export const RULES = {
  overflow: "content that runs out of its box or off the page area",
  "font-not-embedded": "a font used in the PDF without its font file",
  "glyph-fallback": "a character the edition's fonts lack, printed with another font",
  "missing-glyph": "a character no font has, printed as an empty box",
  "image-resolution": "an image below 300 dpi at its printed size",
  "asset-failed": "an image, font or stylesheet that failed to load",
  "asset-blocked": "a request refused because it left the project",
  "link-internal": "a link to an anchor no element (or more than one) carries, or to a local file",
  "link-malformed": "an external link whose address is not well formed",
  "bookmark-page": "a bookmark that opens a page where its heading is not",
  "contents-page": "a contents entry whose printed page number is not its heading's page",
  "near-empty-page": "a page left nearly empty by a break",
  "half-empty-page": "a page under half full in a section that does not end there",
  "tagged-structure": "the tag structure or its marks lost in the PDF",
  "heading-order": "a heading that skips a level",
  "alt-text": "a chart or picture without a text alternative in the edition's language",
  language: "the document language missing, or a passage in another language not marked",
  "table-headers": "a table without real header cells",
  contrast: "text whose colour contrast is below WCAG AA",
  "french-spacing": "French text without its no-break space before : ; ! ? », after «, or between a number and its unit",
  "straight-quotes": "a straight apostrophe or quotation mark (' \") in printed text",
  "hyphenated-name": "a name, acronym or identifier broken at a line end",
  "hyphen-ladder": "more than two hyphenated lines in a row",
  "split-word": "a word hyphenated across a column or page break",
  "word-fragment": "a paragraph whose last line is only the end of a hyphenated word",
  "split-date": "a date whose day, month and year are split across a line break",
  "name-hyphen-break": "a compound proper name (Île-de-France) broken at its own hyphen",
  "url-hyphen-break": "a web address broken after one of its own hyphens",
  "heading-last-word": "a heading of three words or more whose last line is one word",
  "table-continuation": "a table continued on a page with fewer than 3 rows, or without its service-model label",
} as const;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
export type Severity = "error" | "warning";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** 1-based page of the PDF; absent when the finding is about the whole document. */
  page?: number;
  /** A short CSS path of the element (`table.providers-table`, `h1#who`), or what stands for it. */
  element: string;
  /** The section heading the element sits under, to find it in a long edition. */
  section?: string;
  message: string;
  /**
   * Where on its page, as a PDF rectangle [x0, y0, x1, y1] in the page's user
   * space (points, y up), when the rule knows it: the preview draws it there.
   */
  box?: [number, number, number, number];
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/** Errors that fail the build: those whose rule `allow` does not name. */
export function blockingFindings(findings: readonly Finding[], allow: readonly string[] = []): Finding[] {
  const allowed = new Set(allow);
  return findings.filter((f) => f.severity === "error" && !allowed.has(f.rule));
}

/** Page order (whole-document findings first), errors before warnings, then rule. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => [f.page ?? 0, f.severity === "error" ? 0 : 1, RULE_IDS.indexOf(f.rule)];
  return [...findings].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.element.localeCompare(b.element);
  });
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}
