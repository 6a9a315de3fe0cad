// Building blocks shared by every section schema. Each carries the message an
// editor reads when a value is wrong, so the error formatter never has to guess.
import { z } from "zod";
import { checkInlineMarkup } from "./markup.js";
import { showValue } from "./show-value.js";

/** zod error callback that ends the message with what the editor actually wrote. */
export function expected(what: string) {
  return (issue: { input?: unknown }) => `expected ${what}, got ${showValue(issue.input)}`;
}

/** An edition's id and the name of its folder: its month, YYYY-MM. The one place it is written. */
export const EDITION_ID = /^\d{4}-(0[1-9]|1[0-2])$/;

export const LANGUAGES = ["fr", "en"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const STAGES = ["J0", "J1", "J2", "J3"] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const SERVICE_MODELS = ["IaaS", "CaaS", "PaaS", "SaaS"] as const;
export const ServiceModel = z.enum(SERVICE_MODELS);
export type ServiceModel = z.infer<typeof ServiceModel>;

/** A lower-case identifier used to refer to a provider, an offer or a source. */
export const Id = z
  .string({ error: expected("an identifier in lower case with dashes (like s3ns-j1)") })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: expected("an identifier in lower case with dashes (like s3ns-j1)") })
  .describe("Identifier: lower-case letters, digits and dashes, e.g. s3ns-j1");

/**
 * Text that may carry the small inline markup editors know from Markdown:
 * **bold**, *italic* and [links](https://…). Raw HTML is refused here so that
 * a manifest can never inject markup or script into the page.
 */
export const Text = z
  .string()
  .trim()
  .min(1, { message: "expected some text, got an empty value" })
  .superRefine((value, ctx) => {
    for (const problem of checkInlineMarkup(value)) ctx.addIssue({ code: "custom", message: withHtmlFound(problem, value) });
  })
  .describe("Text; **bold**, *italic* and [link](https://…) are allowed, HTML is not");

/** Plain text: a name or a label, no markup at all. */
export const Plain = z
  .string()
  .trim()
  .min(1, { message: "expected some text, got an empty value" })
  .refine((v) => !/[<>]/.test(v), { error: expected("plain text without < or >") });

// markup.ts words the HTML problem without the "got" part; name the tag
// here so the editor can find it in a long paragraph.
function withHtmlFound(problem: string, value: string): string {
  if (problem.includes(", got ")) return problem;
  const tag = /<\/?[a-zA-Z][^>]*>|<!--/.exec(value);
  return `${problem}, got ${showValue(tag ? tag[0] : value)}`;
}

function isRealDate(y: number, m: number, d?: number): boolean {
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar day, YYYY-MM-DD, that exists (no 31 April). */
export const IsoDate = z
  .string({ error: expected("a date written YYYY-MM-DD") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: expected("a date written YYYY-MM-DD") })
  .refine(
    (v) => {
      const [y, m, d] = v.split("-").map(Number);
      return isRealDate(y, m, d);
    },
    { error: expected("a real calendar date") },
  )
  .describe("A date written YYYY-MM-DD");

/** A day or, when a source only gives the month, YYYY-MM. */
export const PartialDate = z
  .string({ error: expected("a date written YYYY-MM-DD or YYYY-MM") })
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { error: expected("a date written YYYY-MM-DD or YYYY-MM") })
  .refine(
    (v) => {
      const [y, m, d] = v.split("-").map(Number);
      return isRealDate(y, m, d);
    },
    { error: expected("a real calendar date") },
  )
  .describe("A date written YYYY-MM-DD, or YYYY-MM when only the month is known");

export const HttpsUrl = z
  .string({ error: expected("a web address starting with https://") })
  .refine(
    (v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" && url.hostname.includes(".");
      } catch {
        return false;
      }
    },
    { error: expected("a web address starting with https://") },
  )
  .describe("A web address starting with https://");

export const TextList = z.array(Text).min(1, { message: "expected at least one item" });
