import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { HttpsUrl, Id, Plain, Text } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

const LINKS_SUMMARY = "a list of links (the providers' AI offerings)";

/** A list of links, such as the providers' AI offerings of the March edition. */
export const links = defineSection({
  type: "links",
  summary: LINKS_SUMMARY,
  schema: z.strictObject({
    type: sectionType("links", LINKS_SUMMARY),
    ...sectionBase,
    title: Text,
    intro: Text.optional(),
    items: z
      .array(z.strictObject({ label: Plain.describe("The link's text as printed"), provider_id: Id.optional(), url: HttpsUrl }))
      .min(1)
      .describe("The links, in order"),
  }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.title), children: [] }),
});
