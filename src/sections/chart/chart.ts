import { z } from "zod";
import { plainText } from "../../manifest/markup.js";
import { Id, Text } from "../../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "../section-kit.js";

export const CHART_KINDS = ["candidates", "scope", "status", "history"] as const;

const CHART_SUMMARY =
  "candidates, scope, status or history: computed from the tables (history: from the earlier editions too), never typed in";

/**
 * A chart computed from the providers table of the same edition (history: from
 * the earlier editions too). The manifest says which chart goes where and how it
 * is titled; it never carries numbers, nor the words saying what is counted.
 */
export const chart = defineSection({
  type: "chart",
  summary: CHART_SUMMARY,
  schema: z.strictObject({
    type: sectionType("chart", CHART_SUMMARY),
    ...sectionBase,
    chart: z
      .enum(CHART_KINDS)
      .describe(
        "candidates: applicants per service model; scope: in progress vs qualified per model; status: applicants by stage J0–J3; history: applicants and qualified offers month by month, and each applicant's stage changes",
      ),
    title: Text,
    unit: z
      .enum(["offers", "providers"])
      .optional()
      .describe("scope only: count offers (default) or distinct providers, on both sides; the legend names the unit"),
    stage_changes: z.boolean().optional().describe("history only: print the table of each applicant's stage changes (default true)"),
    highlight: z.array(Id).optional().describe("Provider ids to call out in the chart's caption"),
    note: Text.optional(),
  }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.title), children: [] }),
});
