import { z } from "zod";
import { Id, Plain, Text } from "../manifest/primitives.js";
import { plainText } from "../render/markup.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

export const CHART_KINDS = ["candidates", "scope", "status"] as const;

const CHART_SUMMARY = "candidates, scope or status: computed from the providers table, never typed in";

/**
 * A chart computed from the providers table of the same edition. The manifest
 * says which chart goes where and how it is titled; it never carries numbers.
 */
export const chart = defineSection({
  type: "chart",
  summary: CHART_SUMMARY,
  schema: z.strictObject({
    type: sectionType("chart", CHART_SUMMARY),
    ...sectionBase,
    chart: z.enum(CHART_KINDS).describe("candidates: per service model; scope: in progress vs qualified; status: by stage J0–J3"),
    title: Text,
    series: z
      .strictObject({
        in_progress: Plain.describe("Name of the applicants' series"),
        qualified: Plain.describe("Name of the qualified providers' series"),
      })
      .optional()
      .describe('Series names as printed, e.g. "IN PROGRESS" / "QUALIFIED PROVIDERS"'),
    highlight: z.array(Id).optional().describe("Provider ids to call out in the chart's caption"),
    note: Text.optional(),
  }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.title), children: [] }),
});
