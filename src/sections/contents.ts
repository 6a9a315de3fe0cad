import { z } from "zod";
import { Plain } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

/** The contents page. Its page numbers come from a first render (see render/two-pass). */
const CONTENTS_SUMMARY = "the contents page, with the real page numbers";

export const contents = defineSection({
  type: "contents",
  summary: CONTENTS_SUMMARY,
  schema: z.strictObject({
    type: sectionType("contents", CONTENTS_SUMMARY),
    ...sectionBase,
    title: Plain.optional().describe("Defaults to the language's word for contents"),
  }),
});
