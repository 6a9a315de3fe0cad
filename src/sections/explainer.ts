import { z } from "zod";
import { Plain, Text, TextList } from "../manifest/primitives.js";
import { plainText } from "../render/markup.js";
import { defineSection, sectionBase } from "./section-kit.js";

const TitledList = z.strictObject({ title: Text, items: TextList });

/** "What is it?": definition, qualification vs certification, aims and dimensions. */
export const explainer = defineSection({
  type: "explainer",
  schema: z.strictObject({
    type: z.literal("explainer"),
    ...sectionBase,
    kicker: Plain.optional(),
    title: Text,
    definition: Text,
    comparison: z.strictObject({ title: Text, items: TextList }).describe("Qualification versus certification"),
    aims: TitledList.describe('"It aims to attest": numbered list'),
    dimensions: TitledList.describe('"It establishes a framework": numbered list'),
  }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.kicker ? `${s.kicker} — ${s.title}` : s.title), children: [] }),
});
