import { z } from "zod";
import { plainText } from "../../manifest/markup.js";
import { EDITION_ID, expected, Text } from "../../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "../section-kit.js";

/**
 * "What's new this month": the changes in the tables since an earlier edition,
 * computed at render time (view/whats-new-view.ts), never typed in.
 */
const WHATS_NEW_SUMMARY = '"What\'s new this month": the changes in the tables since an earlier edition (since:), computed';

export const whatsNew = defineSection({
  type: "whats-new",
  summary: WHATS_NEW_SUMMARY,
  schema: z.strictObject({
    type: sectionType("whats-new", WHATS_NEW_SUMMARY),
    ...sectionBase,
    title: Text,
    since: z
      .string({ error: expected('the id of an earlier edition as a quoted month, like "2026-03"') })
      .regex(EDITION_ID, { error: expected('the id of an earlier edition, like "2026-03"') })
      .describe("The edition to compare with, usually the previous month's"),
  }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.title), children: [] }),
});
