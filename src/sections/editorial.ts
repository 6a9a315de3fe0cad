import { z } from "zod";
import { Plain, Text } from "../manifest/primitives.js";
import { plainText } from "../render/markup.js";
import { childAnchor, defineSection, sectionBase } from "./section-kit.js";

const Block = z.union([
  z.strictObject({ p: Text.describe("A paragraph") }),
  z.strictObject({ heading: Text.describe("A sub-heading inside the editorial") }),
  z.strictObject({ quote: Text.describe("A pull-quote"), by: Plain.optional() }),
]);

/** Editorial or foreword. */
export const editorial = defineSection({
  type: "editorial",
  schema: z.strictObject({
    type: z.literal("editorial"),
    ...sectionBase,
    kicker: Plain.optional().describe('Small line above the title, e.g. "Editorial"'),
    title: Text.optional(),
    lead: Text.optional().describe("Opening paragraph printed larger"),
    author: z.strictObject({ name: Plain, role: Text.optional() }).optional().describe("Who wrote it, shown under the title"),
    blocks: z.array(Block).min(1, { message: "expected at least one paragraph" }),
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
