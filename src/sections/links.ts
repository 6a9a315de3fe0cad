import { z } from "zod";
import { HttpsUrl, Id, Plain, Text } from "../manifest/primitives.js";
import { plainText } from "../render/markup.js";
import { defineSection, sectionBase } from "./section-kit.js";

/** A list of links, such as the providers' AI offerings of the March edition. */
export const links = defineSection({
  type: "links",
  schema: z.strictObject({
    type: z.literal("links"),
    ...sectionBase,
    title: Text,
    intro: Text.optional(),
    items: z.array(z.strictObject({ label: Plain, provider_id: Id.optional(), url: HttpsUrl })).min(1),
  }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.title), children: [] }),
});
