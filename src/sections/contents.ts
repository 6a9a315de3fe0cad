import { z } from "zod";
import { Plain } from "../manifest/primitives.js";
import { defineSection, sectionBase } from "./section-kit.js";

/** The contents page. Its page numbers come from a first render (see render/two-pass). */
export const contents = defineSection({
  type: "contents",
  schema: z.strictObject({
    type: z.literal("contents"),
    ...sectionBase,
    title: Plain.optional().describe("Defaults to the language's word for contents"),
  }),
});
