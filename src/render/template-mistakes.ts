// The template check (template-check.ts) against the registered section
// types, as the build, the preview and `check` run it: the first mistake is a
// TemplateError at its place (exit 4), the others named in its message.
import path from "node:path";
import { sectionKinds } from "../sections/registry.js";
import { TemplateError } from "../sections/template-error.js";
import { checkTemplates, type TemplateMistake } from "./template-check.js";

/** Every mistake in the templates folder, read against the section types' schemas. */
export function templateMistakes(templatesDir: string, helpers: Iterable<string>): TemplateMistake[] {
  const schemas = new Map([...sectionKinds].map(([type, kind]) => [type, kind.schema as unknown]));
  return checkTemplates({ templatesDir, helpers, schemas });
}

/** Throws the first mistake as a TemplateError; the message lists where the others are. */
export function firstMistake(templatesDir: string, helpers: Iterable<string>): void {
  const [first, ...rest] = templateMistakes(templatesDir, helpers);
  if (!first) return;
  const more = rest.length
    ? ` (and ${rest.length} more: ${rest
        .slice(0, 5)
        .map((m) => `${path.relative(templatesDir, m.file)}:${m.line}:${m.column}`)
        .join(", ")}${rest.length > 5 ? ", …" : ""})`
    : "";
  throw new TemplateError(first.file, first.line, first.column, first.message + more);
}
