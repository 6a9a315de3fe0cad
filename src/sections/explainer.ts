import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { Plain, Text, TextList } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

const TitledList = z.strictObject({ title: Text, items: TextList.describe("The points, one item each") });

const EXPLAINER_SUMMARY = '"What is it?": definition, qualification vs certification, aims, dimensions';

/** "What is it?": definition, qualification vs certification, aims and dimensions. */
export const explainer = defineSection({
  type: "explainer",
  summary: EXPLAINER_SUMMARY,
  schema: z.strictObject({
    type: sectionType("explainer", EXPLAINER_SUMMARY),
    ...sectionBase,
    kicker: Plain.optional().describe('Small line above the title, e.g. "What is it?"'),
    title: Text,
    definition: Text,
    comparison: z
      .strictObject({ title: Text, items: TextList.describe("The differences, one item each") })
      .describe("Qualification versus certification"),
    aims: TitledList.describe('"It aims to attest": numbered list'),
    dimensions: TitledList.describe('"It establishes a framework": numbered list'),
  }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.kicker ? `${s.kicker} — ${s.title}` : s.title), children: [] }),
});
