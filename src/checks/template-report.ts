// The template check as `check` reports a manifest's problems (template-mistakes.ts
// runs it for the build; this file knows the helpers by registering them).
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import type { Problem } from "../manifest/problem.js";
import { registerHelpers } from "../render/template-env.js";
import { templateMistakes } from "../render/template-mistakes.js";
import type { FileCheck } from "./check-editions.js";

/** The mistakes as `check` reports a manifest's problems: one entry per template file, with its text for the code frame. */
export function templateChecks(templatesDir: string): FileCheck[] {
  const hb = Handlebars.create();
  registerHelpers(hb, "en");
  const byFile = new Map<string, Problem[]>();
  for (const m of templateMistakes(templatesDir, Object.keys(hb.helpers))) {
    const list = byFile.get(m.file) ?? [];
    list.push({ file: m.file, line: m.line, column: m.column, path: "", message: m.message });
    byFile.set(m.file, list);
  }
  return [...byFile].map(([file, problems]) => ({ edition: "", language: "en", file, source: readFileSync(file, "utf8"), problems }));
}
