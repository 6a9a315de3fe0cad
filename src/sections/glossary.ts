import { z } from "zod";
import { ServiceModel, Text, TextList } from "../manifest/primitives.js";
import { plainText } from "../render/markup.js";
import { childAnchor, defineSection, sectionBase } from "./section-kit.js";

const Point = z.union([Text, z.strictObject({ text: Text, sub: TextList })]);

/** Glossary of the service models and their specific requirements. */
export const glossary = defineSection({
  type: "glossary",
  schema: z.strictObject({
    type: z.literal("glossary"),
    ...sectionBase,
    title: Text,
    entries: z
      .array(
        z.strictObject({
          model: ServiceModel,
          term: Text.describe('e.g. "IaaS (Infrastructure as a Service)"'),
          points: z.array(Point).min(1),
          specifics_title: Text,
          specifics: TextList,
        }),
      )
      .min(1),
  }),
  heading: (s, ctx) => ({
    anchor: ctx.anchor,
    title: plainText(s.title),
    children: s.entries.map((e, i) => ({ anchor: childAnchor(ctx.anchor, i), title: plainText(e.term), children: [] })),
  }),
});
