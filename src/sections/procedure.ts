import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { Stage, Text, TextList } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

const PROCEDURE_SUMMARY = "the J0 to J3 steps with their details";

/** The qualification procedure, J0 to J3. */
export const procedure = defineSection({
  type: "procedure",
  summary: PROCEDURE_SUMMARY,
  schema: z
    .strictObject({
      type: sectionType("procedure", PROCEDURE_SUMMARY),
      ...sectionBase,
      title: Text,
      steps: z
        .array(
          z.strictObject({
            stage: Stage.describe("The step: J0, J1, J2 or J3"),
            label: Text,
            details: TextList.optional().describe("What happens at this step, one item each"),
          }),
        )
        .min(1, { message: "expected at least one step" })
        .describe("The steps J0 to J3, each once"),
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
