// The words of the open data (titles, descriptions, labels) in each language,
// from templates/data/<lang>.yaml; the publisher's licence from package.yaml.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Language } from "../manifest/primitives.js";

// The licence is read where the colophon prints it too.
export { type License, loadLicenses } from "../render/licences.js";

const Words = z.record(z.string(), z.string());
const TableWords = z.strictObject({ title: z.string(), description: z.string() });

export const DataLabelsSchema = z.strictObject({
  package: z.strictObject({ title: z.string(), description: z.string(), series_title: z.string(), series_description: z.string() }),
  status: Words,
  stage: Words,
  state: Words,
  series: Words,
  tables: z.record(z.string(), TableWords),
  fields: Words,
});
export type DataLabels = z.infer<typeof DataLabelsSchema>;

export function loadDataLabels(language: Language, templatesDir: string): DataLabels {
  return DataLabelsSchema.parse(parse(readFileSync(path.join(templatesDir, "data", `${language}.yaml`), "utf8")));
}

/** A label by key; a key without a label is a mistake in the labels file, said plainly. */
export function word(words: Record<string, string>, key: string, what: string): string {
  const found = words[key];
  if (found === undefined) throw new Error(`templates/data: no ${what} label for "${key}"`);
  return found;
}

/** "{{name}}" slots filled in. */
export const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? "");
