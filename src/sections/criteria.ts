import { z } from "zod";
import { Text, TextList } from "../manifest/primitives.js";
import { plainText } from "../render/markup.js";
import { defineSection, sectionBase } from "./section-kit.js";

/** Technical, operational and legal criteria; lead words are set in **bold** in the text. */
export const criteria = defineSection({
  type: "criteria",
  schema: z.strictObject({
    type: z.literal("criteria"),
    ...sectionBase,
    title: Text.optional().describe('e.g. "The Main Evaluation Criteria"; a summary block may have none'),
    groups: z
      .array(
        z.strictObject({
          kind: z.enum(["technical", "operational", "legal"]),
          title: Text,
          items: TextList,
        }),
      )
      .min(1, { message: "expected at least one group of criteria" }),
  }),
  heading: (s, ctx) => (s.title ? { anchor: ctx.anchor, title: plainText(s.title), children: [] } : undefined),
});
