import { z } from "zod";
import { Stage, Text, TextList } from "../manifest/primitives.js";
import { plainText } from "../render/markup.js";
import { defineSection, sectionBase } from "./section-kit.js";

/** The qualification procedure, J0 to J3. */
export const procedure = defineSection({
  type: "procedure",
  schema: z
    .strictObject({
      type: z.literal("procedure"),
      ...sectionBase,
      title: Text,
      steps: z
        .array(z.strictObject({ stage: Stage, label: Text, details: TextList.optional() }))
        .min(1, { message: "expected at least one step" }),
    })
    .superRefine((s, ctx) => {
      const seen = new Set<string>();
      s.steps.forEach((step, i) => {
        if (seen.has(step.stage))
          ctx.addIssue({
            code: "custom",
            path: ["steps", i, "stage"],
            message: `expected each stage once, got ${step.stage} a second time`,
          });
        seen.add(step.stage);
      });
    }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.title), children: [] }),
});
