// Words the templates print that are not in a manifest, one YAML file per language.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import type { Language } from "../manifest/primitives.js";
import { projectPaths } from "../paths.js";
import { templateFileError } from "./template-error.js";

export const LabelsSchema = z.strictObject({
  contents: z.string(),
  cover: z.string(),
  back_cover: z.string(),
  page: z.string(),
  by: z.string().describe("Before an author's name"),
  page_of: z.string().describe('Between page number and page count, e.g. "/"'),
  sections: z.record(z.string(), z.string()),
  stages: z.strictObject({ J0: z.string(), J1: z.string(), J2: z.string(), J3: z.string(), unknown: z.string() }),
  charts: z.record(z.string(), z.string()),
  providers: z.strictObject({
    in_progress: z.string(),
    qualified: z.string(),
    applicant: z.string(),
    provider: z.string(),
    offer: z.string(),
    model: z.string(),
    stage: z.string(),
  }),
  paas: z.record(z.string(), z.string()),
  sources: z.record(z.string(), z.string()),
  /** The back cover's colophon: who publishes, how to cite, where the data comes from and its licence. */
  colophon: z.strictObject({
    title: z.string(),
    publisher: z.string(),
    edition: z.string(),
    cite: z.string(),
    data: z.string(),
    data_text: z.string(),
    licence: z.string(),
    id: z.string(),
  }),
});
export type Labels = z.infer<typeof LabelsSchema>;

// Keyed by file and modification time, so the live preview sees edits.
const cache = new Map<string, Labels>();

export function loadLabels(language: Language, templatesDir = projectPaths.templates): Labels {
  const file = path.join(templatesDir, "labels", `${language}.yaml`);
  let key: string;
  try {
    key = `${file}:${statSync(file).mtimeMs}`;
  } catch (err) {
    throw templateFileError(file, err, "labels file");
  }
  const hit = cache.get(key);
  if (hit) return hit;
  let labels: Labels;
  try {
    const parsed = LabelsSchema.safeParse(parse(readFileSync(file, "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`expected the labels of every section, got ${issue?.path.join(".") || "the file"}: ${issue?.message}`);
    }
    labels = parsed.data;
  } catch (err) {
    throw templateFileError(file, err, "labels file");
  }
  cache.set(key, labels);
  return labels;
}

export function clearLabelCache(): void {
  cache.clear();
}
