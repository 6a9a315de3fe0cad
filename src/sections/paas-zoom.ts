import { z } from "zod";
import { plainText } from "../manifest/markup.js";
import { orPlaceholder } from "../manifest/placeholder.js";
import { Id, Plain, Text, TextList } from "../manifest/primitives.js";
import { defineSection, sectionBase, sectionType } from "./section-kit.js";

export const CELL_STATES = ["unavailable", "outside-scope", "in-scope"] as const;

const Cell = z.union([
  z.null().describe("Unavailable, nothing printed"),
  z.strictObject({
    stage: z
      .union([z.literal(1), z.literal(2)])
      .optional()
      .describe("Maturity stage printed in the cell"),
    state: z.enum(CELL_STATES).describe("unavailable; available but outside the qualified scope; available and inside it"),
  }),
]);

/** The anchor of the offers' heading (templates/sections/paas-zoom.hbs prints it as `<anchor>-offers`). */
export const offersAnchor = (anchor: string) => `${anchor}-offers`;

const PAAS_ZOOM_SUMMARY = "the PaaS pillars, the offers compared and the maturity matrix";

/** The PaaS zoom: five pillars, the offers compared and the maturity matrix. */
export const paasZoom = defineSection({
  type: "paas-zoom",
  summary: PAAS_ZOOM_SUMMARY,
  schema: z
    .strictObject({
      type: sectionType("paas-zoom", PAAS_ZOOM_SUMMARY),
      ...sectionBase,
      title: Text,
      subtitle: Text.optional(),
      intro: TextList.describe("Opening paragraphs"),
      pillars_title: Text,
      pillars: z
        .array(
          z.strictObject({
            id: Id,
            name: Plain.describe("Pillar name as printed in the definitions"),
            row_label: Plain.describe("Pillar name as printed in the matrix"),
            description: Text,
            stages: z.array(Text).optional().describe("The pillar's maturity stages, in order"),
          }),
        )
        .min(1)
        .describe("The pillars defined, in the order of the matrix rows"),
      after_pillars: z.array(Text).optional().describe("Paragraphs printed after the pillars"),
      offers_title: Text,
      offers: z
        .array(
          z.strictObject({
            id: Id,
            name: orPlaceholder(Plain).describe('Offer name as printed; { unknown: "…" } while it is not known'),
            provider_id: Id.optional().describe("Provider in the providers table, when there is one"),
            description: Text.optional(),
            qualification: Text.optional(),
            qualified: z.boolean().describe('Marked as "qualification obtained" in the matrix'),
            geography: Plain.optional().describe("Where the offer is hosted, as printed"),
          }),
        )
        .min(1)
        .describe("The offers compared, one matrix column each"),
      matrix: z
        .array(
          z.strictObject({ pillar: Id, cells: z.record(z.string(), Cell).describe("One cell per offer id: null, or a state and stage") }),
        )
        .min(1)
        .describe("One row per pillar; cells keyed by offer id"),
      geography_label: Plain.describe("Label of the geography row"),
      legend: z
        .strictObject({
          qualified: Plain.describe("Legend of the qualified mark"),
          unavailable: Plain.describe("Legend of an empty cell"),
          "outside-scope": Plain.describe("Legend of an offer available outside the qualified scope"),
          "in-scope": Plain.describe("Legend of an offer available inside the qualified scope"),
        })
        .describe("The matrix legend as printed"),
    })
    .superRefine((s, ctx) => {
      const offers = new Set(s.offers.map((o) => o.id));
      const pillars = new Set(s.pillars.map((p) => p.id));
      s.matrix.forEach((row, i) => {
        if (!pillars.has(row.pillar))
          ctx.addIssue({
            code: "custom",
            path: ["matrix", i, "pillar"],
            message: `expected one of the pillars (${[...pillars].join(", ")}), got "${row.pillar}"`,
          });
        for (const key of Object.keys(row.cells))
          if (!offers.has(key))
            ctx.addIssue({
              code: "custom",
              path: ["matrix", i, "cells", key],
              message: `expected one of the offers (${[...offers].join(", ")}), got "${key}"`,
            });
      });
    }),
  // The offers compared are what a reader looks the zoom up for: their heading
  // is an entry of its own in the contents and the bookmarks (issue 17).
  heading: (s, ctx) => ({
    anchor: ctx.anchor,
    title: plainText(s.title),
    children: [{ anchor: offersAnchor(ctx.anchor), title: plainText(s.offers_title), children: [] }],
  }),
  // The matrix in offer order, each cell with its state; the pillars numbered.
  view: (s) => {
    const pillars = new Map(s.pillars.map((p) => [p.id, p]));
    const matrix = s.matrix.map((row) => ({
      label: pillars.get(row.pillar)?.row_label ?? row.pillar,
      cells: s.offers.map((o) => {
        const cell = row.cells[o.id];
        return cell ? { ...cell, available: cell.state !== "unavailable" } : { state: "unavailable", available: false };
      }),
    }));
    const spans = cardSpans(s.offers.length);
    const cards = s.offers.map((o, i) => ({ ...o, span: spans[i] }));
    // The matrix's widths are set per number of offers (edition.css, .paas-matrix.offers-N);
    // beyond eight, the eight-offer widths.
    return { matrix, cards, offerCount: Math.min(s.offers.length, 8), numbered: s.pillars.map((p, i) => ({ ...p, number: i + 1 })) };
  },
});

/** Most cards to a row: three, about 55 mm each, a measure the cards' 9 pt text still reads at. */
const CARDS_PER_ROW = 3;

/**
 * The span of each offer card on a six-column grid, so that every row of cards
 * fills the width: as few rows as three to a row allows, the cards shared out
 * as evenly as possible, the fuller rows first (5 = 3 + 2, 7 = 3 + 2 + 2, 8 = 3 + 3 + 2).
 * A row of three spans 2 each, of two 3 each, a card alone the whole width.
 */
export function cardSpans(count: number): number[] {
  const rows = Math.ceil(count / CARDS_PER_ROW);
  const spans: number[] = [];
  for (let r = 0; r < rows; r++) {
    const inRow = Math.floor(count / rows) + (r < count % rows ? 1 : 0);
    for (let i = 0; i < inRow; i++) spans.push(6 / inRow);
  }
  return spans;
}
