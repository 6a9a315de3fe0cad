import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { HttpsUrl, Id, Language, PartialDate, Plain, Text } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

const SOURCES_SUMMARY = "dated sources; a source about a provider says so with about:";

/** Dated sources. A source that reports a stage names the provider it is about. */
export const sources = defineSection({
  type: "sources",
  summary: SOURCES_SUMMARY,
  schema: z
    .strictObject({
      type: sectionType("sources", SOURCES_SUMMARY),
      ...sectionBase,
      title: Text,
      items: z
        .array(
          z.strictObject({
            id: Id.optional().describe("Referenced by providers rows (source:)"),
            title: Text,
            lang: Language.optional().describe(
              "Language of the title when it is not the edition's (a French press release cited in the English edition)",
            ),
            kind: Plain.optional().describe('e.g. "Press release"'),
            publisher: Plain.optional().describe("Who published it"),
            version: Plain.optional().describe('Version of the document, e.g. "3.2"'),
            date: PartialDate.optional(),
            url: HttpsUrl.optional(),
            about: Id.optional().describe("Provider id this source is about; it must exist in the providers table"),
          }),
        )
        .min(1)
        .describe("The sources, each with a title and, where known, a date and address"),
    })
    .superRefine((s, ctx) => {
      const ids = new Set<string>();
      s.items.forEach((item, i) => {
        if (!item.id) return;
        if (ids.has(item.id))
          ctx.addIssue({
            code: "custom",
            path: ["items", i, "id"],
            message: `expected each source id once, got "${item.id}" a second time`,
          });
        ids.add(item.id);
      });
    }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.title), children: [] }),
});
