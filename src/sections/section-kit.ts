// What every section type provides. A new type is one file exporting a
// SectionKind (or a folder src/sections/<type>/ when its view needs src/diff/
// or src/render/: its SectionView in view/plugin.ts, listed in
// src/render/section-views.ts), a partial templates/sections/<type>.hbs and a
// registry entry (README, "Adding a section type").
import { z } from "zod";
import type { Edition } from "../manifest/edition-schema.js";
import { expected } from "../manifest/primitives.js";
import type { Labels } from "./labels.js";

/** Fields every section may carry. */
export const sectionBase = {
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: expected("an identifier in lower case with dashes (like who-is-it)") })
    .optional()
    .describe("Anchor of the section, used by the contents page and bookmarks"),
  contents: z.boolean().optional().describe("false hides the section from the contents page and bookmarks"),
};

/**
 * A section's `type:` field and the title and description editors' YAML
 * completion lists the section by (without a title, every section type is
 * offered under the manifest's own title). The words are the README's table.
 */
export function sectionType<const T extends string>(type: T, summary: string) {
  return z.literal(type).describe(`Section type "${type}": ${summary}`);
}

export function sectionMeta(type: string, summary: string): { title: string; description: string } {
  return { title: `${type} section`, description: summary[0].toUpperCase() + summary.slice(1) };
}

export interface Heading {
  /** Anchor id in the HTML, also the PDF named destination. */
  anchor: string;
  title: string;
  children: Heading[];
}

export interface SectionContext {
  edition: Edition;
  labels: Labels;
  /** Anchor chosen for this section (its id or type-index). */
  anchor: string;
}

export interface SectionKind<S extends z.ZodTypeAny = z.ZodTypeAny> {
  type: string;
  /** What it prints, in the README's words: the schema's title and description for editors. */
  summary?: string;
  schema: S;
  /** Title shown in the contents page and bookmarks; undefined keeps it out. */
  heading?: (section: z.infer<S>, ctx: SectionContext) => Heading | undefined;
  /** Extra data the partial needs that is computed from the manifest alone (the view registry calls it). */
  view?: (section: z.infer<S>, ctx: SectionContext) => Record<string, unknown>;
}

export function defineSection<S extends z.ZodTypeAny>(kind: SectionKind<S>): SectionKind<S> {
  return kind.summary ? { ...kind, schema: kind.schema.meta(sectionMeta(kind.type, kind.summary)) as S } : kind;
}

/** Anchor for a child heading of a section. */
export function childAnchor(parent: string, index: number): string {
  return `${parent}-${index + 1}`;
}
