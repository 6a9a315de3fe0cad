import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { Plain, Text } from "../manifest/primitives.js";
import { childAnchor, defineSection, sectionBase, sectionType } from "./section-kit.js";

const Block = z.union([
  z.strictObject({ p: Text.describe("A paragraph") }),
  z.strictObject({ heading: Text.describe("A sub-heading inside the editorial") }),
  z.strictObject({ quote: Text.describe("A pull-quote"), by: Plain.optional().describe("Who said it, printed under the quote") }),
]);

const EDITORIAL_SUMMARY = "editorial or foreword: title, author and role, paragraphs, sub-headings, pull-quotes, closing line, signature";

/** Editorial or foreword. */
export const editorial = defineSection({
  type: "editorial",
  summary: EDITORIAL_SUMMARY,
  schema: z.strictObject({
    type: sectionType("editorial", EDITORIAL_SUMMARY),
    ...sectionBase,
    kicker: Plain.optional().describe('Small line above the title, e.g. "Editorial"'),
    title: Text.optional(),
    lead: Text.optional().describe("Opening paragraph printed larger"),
    author: z
      .strictObject({
        name: Plain.describe("The author's name"),
        role: Text.optional().describe('The author\'s role, e.g. "Editor-in-chief"'),
      })
      .optional()
      .describe("Who wrote it, shown under the title"),
    blocks: z
      .array(Block)
      .min(1, { message: "expected at least one paragraph" })
      .describe("The body, in order: paragraphs (p:), sub-headings (heading:) and pull-quotes (quote:)"),
    closing: Text.optional().describe("Closing line, e.g. a salutation or a motto"),
    signature: Plain.optional().describe("Name printed under the closing line"),
  }),
  heading: (s, ctx) => ({
    anchor: ctx.anchor,
    title: plainText(s.title ?? s.kicker ?? ctx.labels.sections.editorial),
    children: s.blocks
      .map((b, i) => ("heading" in b ? { anchor: childAnchor(ctx.anchor, i), title: plainText(b.heading), children: [] } : null))
      .filter((h): h is NonNullable<typeof h> => h !== null),
  }),
});
