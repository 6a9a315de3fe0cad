// Building blocks shared by every section schema. Each carries the message an
// editor reads when a value is wrong, so the error formatter never has to guess.
import { z } from "zod";
import { checkInlineMarkup } from "../render/markup.js";

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
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: "expected an identifier in lower case with dashes (like s3ns-j1)",
  })
  .describe("Identifier: lower-case letters, digits and dashes, e.g. s3ns-j1");

/**
 * Text that may carry the small inline markup editors know from Markdown:
 * **bold**, *italic* and [links](https://…). Raw HTML is refused here so that
 * a manifest can never inject markup or script into the page.
 */
export const Text = z
  .string()
  .trim()
  .min(1, { message: "expected some text, found an empty value" })
  .superRefine((value, ctx) => {
    for (const problem of checkInlineMarkup(value)) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe("Text; **bold**, *italic* and [link](https://…) are allowed, HTML is not");

/** Plain text: a name or a label, no markup at all. */
export const Plain = z
  .string()
  .trim()
  .min(1, { message: "expected some text, found an empty value" })
  .refine((v) => !/[<>]/.test(v), { message: "expected plain text without < or >" });

function isRealDate(y: number, m: number, d?: number): boolean {
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar day, YYYY-MM-DD, that exists (no 31 April). */
export const IsoDate = z
  .string({ message: "expected a date written YYYY-MM-DD" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "expected a date written YYYY-MM-DD" })
  .refine(
    (v) => {
      const [y, m, d] = v.split("-").map(Number);
      return isRealDate(y, m, d);
    },
    { message: "expected a real calendar date" },
  )
  .describe("A date written YYYY-MM-DD");

/** A day or, when a source only gives the month, YYYY-MM. */
export const PartialDate = z
  .string({ message: "expected a date written YYYY-MM-DD or YYYY-MM" })
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, { message: "expected a date written YYYY-MM-DD or YYYY-MM" })
  .refine(
    (v) => {
      const [y, m, d] = v.split("-").map(Number);
      return isRealDate(y, m, d);
    },
    { message: "expected a real calendar date" },
  )
  .describe("A date written YYYY-MM-DD, or YYYY-MM when only the month is known");

export const HttpsUrl = z
  .string({ message: "expected a web address starting with https://" })
  .refine(
    (v) => {
      try {
        const url = new URL(v);
        return url.protocol === "https:" && url.hostname.includes(".");
      } catch {
        return false;
      }
    },
    { message: "expected a web address starting with https://" },
  )
  .describe("A web address starting with https://");

export const TextList = z.array(Text).min(1, { message: "expected at least one item" });
