// A value not known yet (an offer whose name was lost, a date to confirm),
// written `{ unknown: "what to fill in" }` where the schema allows it. It is
// never printed: the build refuses it with its position unless the build is a
// draft, which prints it highlighted (see render/placeholder-marks.ts).
//
// After validation a placeholder is a string between two private-use
// characters, so every later stage keeps its plain `string` types and the
// rendered HTML can find each placeholder wherever a template printed it.
import { z } from "zod";
import { Plain } from "./primitives.js";
import { formatPath, type Problem } from "./problem.js";
import { lineColumn, offsetOf } from "./yaml-position.js";
import { readYaml } from "./yaml-read.js";

export const PLACEHOLDER_START = "\uE000";
export const PLACEHOLDER_END = "\uE001";

const Placeholder = z
  .strictObject({ unknown: Plain.describe("What is not known yet: what an editor must find and fill in before printing") })
  .describe('A value not known yet, e.g. { unknown: "name of the offer: the logo was lost" }; printed only in a draft, highlighted');

/** The field's own schema, or a placeholder in its place. */
export function orPlaceholder(schema: z.ZodType<string>) {
  return z.union([schema, Placeholder.transform((p) => `${PLACEHOLDER_START}${p.unknown}${PLACEHOLDER_END}`)]);
}

export const isPlaceholder = (v: unknown): boolean =>
  typeof v === "string" && v.startsWith(PLACEHOLDER_START) && v.endsWith(PLACEHOLDER_END);

/** What to fill in, as the editor wrote it. */
export const placeholderNote = (v: string) => v.slice(PLACEHOLDER_START.length, -PLACEHOLDER_END.length);

export interface FoundPlaceholder {
  path: (string | number)[];
  note: string;
}

/** Every placeholder in validated data, with its path. */
export function findPlaceholders(value: unknown, path: (string | number)[] = []): FoundPlaceholder[] {
  if (typeof value === "string") return isPlaceholder(value) ? [{ path, note: placeholderNote(value) }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findPlaceholders(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => findPlaceholders(v, [...path, k]));
  return [];
}

/** One problem per placeholder, at its line and column: what a non-draft build refuses to print. */
export function placeholderProblems(file: string, source: string, edition: unknown): Problem[] {
  const found = findPlaceholders(edition);
  if (!found.length) return [];
  const read = readYaml(source);
  return found.map(({ path, note }) => ({
    file,
    ...(read.ok ? lineColumn(read.lineCounter, offsetOf(read.doc, path)) : { line: 1, column: 1 }),
    path: formatPath(path),
    message: `expected a value to print, got a placeholder: fill in ${JSON.stringify(note)} (a draft, --draft, prints it highlighted)`,
  }));
}
