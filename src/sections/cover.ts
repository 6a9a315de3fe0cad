import { z } from "zod";
import { Plain } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

const COVER_SUMMARY = "the front cover (publication name, edition label, date)";

/** Front cover: publication name and edition label come from the edition block. */
export const cover = defineSection({
  type: "cover",
  summary: COVER_SUMMARY,
  schema: z.strictObject({
    type: sectionType("cover", COVER_SUMMARY),
    ...sectionBase,
    kicker: Plain.optional().describe('Small line above the title, e.g. "OBSERVATORY"'),
    title: Plain.describe('The big title, e.g. "SecNumCloud"'),
  }),
});

const BACK_COVER_SUMMARY = "the back cover (the edition label)";

/** Back cover: repeats the edition label. */
export const backCover = defineSection({
  type: "back-cover",
  summary: BACK_COVER_SUMMARY,
  schema: z.strictObject({
    type: sectionType("back-cover", BACK_COVER_SUMMARY),
    ...sectionBase,
    label: Plain.optional().describe("Text printed on the back cover; defaults to the edition label"),
  }),
});
