// The whole manifest: an edition block and an ordered list of typed sections.
import { z } from "zod";
import { SECTION_KINDS } from "../sections/registry.js";
import { checkEditionDates } from "./edition-dates.js";
import { EDITION_ID, expected, IsoDate, Language, Plain, Text } from "./primitives.js";
import { checkReferences } from "./references.js";

const sectionSchemas = SECTION_KINDS.map((k) => k.schema) as unknown as [
  (typeof SECTION_KINDS)[number]["schema"],
  ...(typeof SECTION_KINDS)[number]["schema"][],
];

export const Section = z.discriminatedUnion("type", sectionSchemas);
export type Section = z.infer<typeof Section>;

export const EditionMeta = z.strictObject({
  id: z
    .string({ error: expected('the edition id as a quoted month, like "2026-04"') })
    .regex(EDITION_ID, { error: expected('the edition id as a month, like "2026-04"') })
    .describe("The edition's month, YYYY-MM; it must match the folder name"),
  language: Language.describe("fr or en; it must match the file name"),
  publication: Plain.describe('Publication name, e.g. "SecNumCloud Observatory"'),
  label: Plain.describe('Edition label as printed, e.g. "APRIL 2026 EDITION"'),
  date: IsoDate.describe("Publication date, YYYY-MM-DD; also the PDF's creation date"),
  publisher: Plain.describe("Who publishes the edition (PDF author)"),
  title: Plain.optional().describe("Document title for the PDF; defaults to publication and label"),
  subject: Text.optional(),
  keywords: z.array(Plain).optional().describe("Keywords of the PDF's metadata, one per item"),
});

export const Edition = z
  .strictObject({
    edition: EditionMeta.describe("The edition: its id, language, names as printed, publication date and publisher"),
    sections: z
      .array(Section)
      .min(1, { message: "expected at least one section" })
      .describe("The sections in the order they are printed; each has a type"),
  })
  .superRefine((edition, ctx) => {
    for (const issue of [...checkReferences(edition), ...checkEditionDates(edition)]) ctx.addIssue({ code: "custom", ...issue });
  });

export type Edition = z.infer<typeof Edition>;
export type EditionInput = z.input<typeof Edition>;
