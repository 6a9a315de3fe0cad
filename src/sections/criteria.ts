import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { Text, TextList } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

const CRITERIA_SUMMARY = "technical, operational and legal criteria";

/** Technical, operational and legal criteria; lead words are set in **bold** in the text. */
export const criteria = defineSection({
  type: "criteria",
  summary: CRITERIA_SUMMARY,
  schema: z.strictObject({
    type: sectionType("criteria", CRITERIA_SUMMARY),
    ...sectionBase,
    title: Text.optional().describe('e.g. "The Main Evaluation Criteria"; a summary block may have none'),
    groups: z
      .array(
        z.strictObject({
          kind: z.enum(["technical", "operational", "legal"]).describe("technical, operational or legal: sets the group's icon and colour"),
          title: Text,
          items: TextList.describe("The criteria, lead words in **bold**"),
        }),
      )
      .min(1, { message: "expected at least one group of criteria" })
      .describe("Groups of criteria, each with its kind and title"),
  }),
  heading: (s, ctx) => (s.title ? { anchor: ctx.anchor, title: plainText(s.title), children: [] } : undefined),
});
