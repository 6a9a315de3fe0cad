import { z } from "zod";
import { Plain } from "../manifest/primitives.js";
import { defineSection, sectionBase } from "./section-kit.js";

/** Front cover: publication name and edition label come from the edition block. */
export const cover = defineSection({
  type: "cover",
  schema: z.strictObject({
    type: z.literal("cover"),
    ...sectionBase,
    kicker: Plain.optional().describe('Small line above the title, e.g. "OBSERVATORY"'),
    title: Plain.describe('The big title, e.g. "SecNumCloud"'),
  }),
});

/** Back cover: repeats the edition label. */
export const backCover = defineSection({
  type: "back-cover",
  schema: z.strictObject({
    type: z.literal("back-cover"),
    ...sectionBase,
    label: Plain.optional().describe("Text printed on the back cover; defaults to the edition label"),
  }),
});
