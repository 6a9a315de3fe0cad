// Reads one manifest: YAML with positions, then the zod schema, then the
// checks that need the file's own name. Every problem is collected, none thrown early.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sectionKinds } from "../sections/registry.js";
import { decodeManifest } from "./decode.js";
import { checkEditionDates } from "./edition-dates.js";
import { Edition } from "./edition-schema.js";
import { describeIssue } from "./issue-message.js";
import { EDITION_ID, LANGUAGES } from "./primitives.js";
import { formatPath, ManifestError, type Problem } from "./problem.js";
import { checkReferences } from "./references.js";
import { type Anchor, lineColumn, offsetOf } from "./yaml-position.js";
import { readYaml } from "./yaml-read.js";

export interface LoadedEdition {
  file: string;
  edition: Edition;
  /** The exact bytes read, for archiving and hashing. */
  source: string;
}

type Finding = { path: PropertyKey[]; message: string; anchor?: Anchor };

/** Parse and validate manifest text; `file` is used for messages and name checks. */
export function parseManifest(source: string, file: string): { edition?: Edition; problems: Problem[] } {
  const read = readYaml(source);
  if (!read.ok) return { problems: read.problems.map((p) => ({ file, ...p })) };
  const { doc, data, lineCounter } = read;

  const findings: Finding[] = [];
  const result = Edition.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) findings.push(...describeIssue(issue, data, Edition));
    // zod skips the edition-wide refinement as soon as any section fails, which would
    // hide a dangling source id until the next run; check references again here.
    if (sectionsHaveKnownTypes(data)) findings.push(...checkReferences(data), ...checkEditionDates(data));
  }
  findings.push(...checkFileName(data, file));

  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const f of findings) {
    const where = formatPath(f.path);
    if (seen.has(`${where}\n${f.message}`)) continue; // the refinement and the second pass agree
    seen.add(`${where}\n${f.message}`);
    problems.push({ file, ...lineColumn(lineCounter, offsetOf(doc, f.path, f.anchor)), path: where, message: f.message });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return problems.length || !result.success ? { problems } : { edition: result.data, problems };
}

export async function loadManifest(file: string): Promise<LoadedEdition> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (err as Error).message;
    throw new ManifestError([{ file, line: 1, column: 1, path: "", message: `expected a readable manifest, got ${reason}` }]);
  }
  const decoded = decodeManifest(bytes);
  if (!decoded.ok) throw new ManifestError([{ file, line: decoded.line, column: decoded.column, path: "", message: decoded.message }]);
  const source = decoded.text;
  const { edition, problems } = parseManifest(source, file);
  if (!edition) throw new ManifestError(problems);
  return { file, edition, source };
}

/** Reference checks on refused data only make sense when every section says what it is. */
function sectionsHaveKnownTypes(data: Record<string, unknown>): boolean {
  const sections = data.sections;
  return Array.isArray(sections) && sections.every((s) => typeof s?.type === "string" && sectionKinds.has(s.type));
}

/** editions/2026-04/en.yaml must say id "2026-04" and language "en". */
function checkFileName(data: Record<string, unknown>, file: string): Finding[] {
  const meta = (data.edition ?? {}) as Record<string, unknown>;
  const findings: Finding[] = [];
  const folder = path.basename(path.dirname(file));
  const name = path.basename(file);
  const lang = name.replace(/\.ya?ml$/, "");
  const { id, language } = meta;
  if (EDITION_ID.test(folder) && typeof id === "string" && EDITION_ID.test(id) && id !== folder)
    findings.push({ path: ["edition", "id"], message: `expected "${folder}" to match the folder name ${folder}/, got "${id}"` });
  if (
    (LANGUAGES as readonly string[]).includes(lang) &&
    typeof language === "string" &&
    LANGUAGES.includes(language as never) &&
    language !== lang
  )
    findings.push({ path: ["edition", "language"], message: `expected "${lang}" to match the file name ${name}, got "${language}"` });
  return findings;
}
