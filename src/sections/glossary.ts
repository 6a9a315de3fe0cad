import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { ServiceModel, Text, TextList } from "../manifest/primitives.js";
import { childAnchor, defineSection, sectionBase, sectionType } from "./section-kit.js";

const Point = z.union([Text, z.strictObject({ text: Text, sub: TextList.describe("Sub-points under the text") })]);

const GLOSSARY_SUMMARY = "IaaS, CaaS, PaaS, SaaS and their specific requirements";

/** Glossary of the service models and their specific requirements. */
export const glossary = defineSection({
  type: "glossary",
  summary: GLOSSARY_SUMMARY,
  schema: z.strictObject({
    type: sectionType("glossary", GLOSSARY_SUMMARY),
    ...sectionBase,
    title: Text,
    entries: z
      .array(
        z.strictObject({
          model: ServiceModel.describe("The service model the entry defines"),
          term: Text.describe('e.g. "IaaS (Infrastructure as a Service)"'),
          points: z.array(Point).min(1).describe("The definition's points; a point may carry sub-points"),
          specifics_title: Text,
          specifics: TextList.describe("The specific requirements, one item each"),
        }),
      )
      .min(1)
      .describe("One entry per service model"),
  }),
  heading: (s, ctx) => ({
    anchor: ctx.anchor,
    title: plainText(s.title),
    children: s.entries.map((e, i) => ({ anchor: childAnchor(ctx.anchor, i), title: plainText(e.term), children: [] })),
  }),
});
