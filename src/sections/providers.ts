import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { orPlaceholder, PLACEHOLDER_START } from "../manifest/placeholder.js";
import { Id, IsoDate, Plain, ServiceModel, Stage, Text } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

const Row = z.strictObject({
  provider: Plain.describe("Provider name as printed"),
  provider_id: Id.optional().describe("Stable identity across editions; defaults to the name in lower case with dashes"),
  offer: orPlaceholder(Plain).describe('Offering name as printed; { unknown: "…" } while it is not known'),
  offer_id: Id.optional().describe("Stable identity of the offer; defaults to the offer name in lower case with dashes"),
  stage: Stage.optional().describe("Stage reached, J0 to J3, where the edition says so"),
  since: orPlaceholder(IsoDate).optional().describe('Date the stage was reached; { unknown: "…" } while it is to be confirmed'),
  source: Id.optional().describe("Id of the entry in the sources section that reports the stage"),
});
export type ProviderRow = z.infer<typeof Row>;

const Model = z.strictObject({
  model: ServiceModel.describe("The service model: IaaS, CaaS, PaaS or SaaS"),
  in_progress: z.array(Row).default([]).describe("Applicants and their offerings"),
  qualified: z.array(Row).default([]).describe("Qualified providers and their offerings"),
});

const PROVIDERS_SUMMARY =
  '"Who is it?": per service model, applicants and qualified providers with their offers; stage (J0 to J3), date and source where known';

/** "Who is it?": applicants and qualified offers per service model. */
export const providers = defineSection({
  type: "providers",
  summary: PROVIDERS_SUMMARY,
  schema: z
    .strictObject({
      type: sectionType("providers", PROVIDERS_SUMMARY),
      ...sectionBase,
      kicker: Plain.optional().describe('Small line above the title, e.g. "Who is it?"'),
      title: Text,
      subtitle: Text.optional(),
      columns: z
        .strictObject({
          in_progress: Plain.optional().describe("Heading of the applicants' column"),
          qualified: Plain.optional().describe("Heading of the qualified providers' column"),
          applicant: Plain.optional().describe("Heading over an applicant's name"),
          provider: Plain.optional().describe("Heading over a qualified provider's name"),
          offer: Plain.optional().describe("Heading over the offer's name"),
        })
        .optional()
        .describe("Column headings as this edition prints them; the language's labels otherwise"),
      models: z.array(Model).min(1, { message: "expected at least one service model" }).describe("One entry per service model, each once"),
      notes: z.array(Text).optional().describe("Free notes printed under the table"),
    })
    .superRefine((s, ctx) => {
      const models = new Set<string>();
      s.models.forEach((m, i) => {
        if (models.has(m.model))
          ctx.addIssue({
            code: "custom",
            path: ["models", i, "model"],
            message: `expected each service model once, got ${m.model} a second time`,
          });
        models.add(m.model);
        for (const list of ["in_progress", "qualified"] as const) {
          const rows = new Set<string>();
          m[list].forEach((r, j) => {
            const key = `${r.provider}\u0000${r.offer}`;
            if (rows.has(key))
              ctx.addIssue({
                code: "custom",
                path: ["models", i, list, j],
                message: `expected each provider and offer once in a list, got "${r.provider} / ${r.offer}" a second time`,
              });
            rows.add(key);
            if (list === "qualified" && r.stage && r.stage !== "J3")
              ctx.addIssue({
                code: "custom",
                path: ["models", i, list, j, "stage"],
                message: `expected J3 for a qualified offer, got "${r.stage}"`,
              });
            if (r.since && !r.stage)
              ctx.addIssue({
                code: "custom",
                path: ["models", i, list, j, "since"],
                message: `expected a stage alongside its date, got only since: ${r.since}`,
              });
          });
        }
      });
    }),
  heading: (s, ctx) => ({ anchor: ctx.anchor, title: plainText(s.kicker ? `${s.kicker} — ${s.title}` : s.title), children: [] }),
  // The table laid out in rows: applicants and qualified offers side by side, the model spanning them.
  view: (s, ctx) => {
    const columns = { ...ctx.labels.providers, ...s.columns };
    const models = s.models.map((m) => {
      const n = Math.max(m.in_progress.length, m.qualified.length, 1);
      const rows = Array.from({ length: n }, (_, i) => ({
        first: i === 0,
        applicant: m.in_progress[i] && names(m.in_progress[i]),
        qualified: m.qualified[i] && names(m.qualified[i]),
      }));
      return { model: m.model, span: n, rows };
    });
    return { columns, models };
  },
});

/**
 * Names short enough to be printed on one line are (they do not wrap), so that
 * the table's automatic layout sizes each column from the names it holds: a
 * column is at least as wide as its longest short name, and only longer names
 * wrap. 24 characters of 7.6 pt semibold are about 36 mm: four such columns,
 * the model's and the padding still fit the 174 mm measure.
 */
export const WHOLE_NAME_CHARS = 24;

export interface NameParts {
  /** Printed on one line. */
  whole: boolean;
  /** What may wrap, then what never parts: the last word, or the last two when they fit a line. */
  head: string;
  tail: string;
}

/**
 * A name cut where it may wrap. A longer name keeps its last two words
 * together, so that its last line never holds one word alone ("Cloud de
 * Confiance / S3NS"); a stage badge is set in the tail, so it never wraps
 * alone either ("Prolival - Groupe Tenexa J0").
 */
export function nameParts(name: string): NameParts {
  // A draft's placeholder (its marks around the note) stays in one piece: the page marks it whole.
  if (name.includes(PLACEHOLDER_START)) return { whole: false, head: name, tail: "" };
  const whole = [...name].length <= WHOLE_NAME_CHARS;
  const words = name.trim().split(/ +/);
  const two = words.slice(-2).join(" ");
  const tail = !whole && words.length > 2 && [...two].length <= WHOLE_NAME_CHARS ? two : (words.at(-1) ?? "");
  const head = name.trim().slice(0, name.trim().length - tail.length);
  return { whole, head, tail };
}

function names(row: ProviderRow) {
  return { ...row, providerName: nameParts(row.provider), offerName: typeof row.offer === "string" ? nameParts(row.offer) : undefined };
}
