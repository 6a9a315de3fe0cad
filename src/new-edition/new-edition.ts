// Starting next month: copy the manifests of an earlier edition, move their
// id, date, label and "whats-new" comparison on, validate, and write them
// without ever overwriting a file. The CLI only parses arguments and prints.
import { link, mkdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { editionBefore } from "../diff/compare-editions.js";
import { editionFiles, type ManifestFile } from "../manifest/discover.js";
import { withYamlLineBreaks } from "../manifest/line-breaks.js";
import { loadManifest, parseManifest } from "../manifest/load.js";
import { EDITION_ID, type Language } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { projectPaths } from "../paths.js";
import { whatsNewSections } from "../sections/whats-new/view/previous-editions.js";
import { moveMonth } from "./month-label.js";
import { editScalars, type ScalarEdit } from "./scalar-edit.js";

export interface NewEditionOptions {
  /** The new edition, YYYY-MM. */
  id: string;
  /** The edition to copy; defaults to the latest one before `id`. */
  from?: string;
  editionsDir?: string;
}

export interface NewManifest {
  language: Language;
  /** The manifest it was copied from. */
  fromFile: string;
  source: string;
  file: string;
  label: string;
  date: string;
  /** Things the editor must fix by hand, e.g. a label without a month in it. */
  warnings: string[];
}

export interface NewEditionResult {
  id: string;
  from: string;
  manifests: NewManifest[];
}

/** A request that cannot be met as asked (a usage error for the CLI). */
export class NewEditionError extends Error {
  override name = "NewEditionError";
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=/;
const shown = (file: string) => path.relative(process.cwd(), file) || file;

/**
 * The opening comments describe where the old manifest came from (its seed,
 * its corrections): wrong for the new month. Keep the schema line, say where
 * this one started; comments further down describe data that is carried over.
 */
function newHeader(text: string, fromFile: string): string {
  const lines = text.split("\n");
  let first = 0;
  while (first < lines.length && (lines[first].startsWith("#") || lines[first].trim() === "")) first++;
  const schema = lines.slice(0, first).filter((l) => SCHEMA_LINE.test(l));
  const note = `# Started from ${path.basename(path.dirname(fromFile))}/${path.basename(fromFile)} by \`npm run new:edition\`: update the tables, sources and editorial.`;
  // A CRLF file stays CRLF: the other lines keep their "\r", the new one gets its own.
  const cr = text.includes("\r\n") ? "\r" : "";
  return [...schema, `${note}${cr}`, ...lines.slice(first)].join("\n");
}

function moved(manifest: ManifestFile, saved: string, id: string, from: string, target: string): NewManifest {
  // Lone CRs become LFs (the yaml package would read such a file as one line); CRLF is kept.
  const source = withYamlLineBreaks(saved);
  const { edition, problems } = parseManifest(source, manifest.file);
  if (!edition) throw new ManifestError(problems);
  const doc = parseDocument(source);
  const { language } = manifest;
  const warnings: string[] = [];
  const date = `${id}-01`;
  const label = moveMonth(edition.edition.label, language, id);
  if (!label) warnings.push(`the label "${edition.edition.label}" names no month: edit edition.label by hand`);
  const edits: ScalarEdit[] = [
    { path: ["edition", "id"], value: id },
    { path: ["edition", "date"], value: date },
  ];
  if (label) edits.push({ path: ["edition", "label"], value: label });
  const title = edition.edition.title && moveMonth(edition.edition.title, language, id);
  if (title) edits.push({ path: ["edition", "title"], value: title });
  for (const s of whatsNewSections(edition)) edits.push({ path: ["sections", s.index, "since"], value: from });
  const text = newHeader(editScalars(source, doc, edits), manifest.file);
  const check = parseManifest(text, target);
  if (check.problems.length) throw new ManifestError(check.problems);
  return { language, fromFile: manifest.file, source: text, file: target, label: label ?? edition.edition.label, date, warnings };
}

/** Writes `data` to `file` only if nothing is there: link() fails on an existing name, rename() would replace it. */
async function writeNew(file: string, data: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  await writeFile(temp, data);
  try {
    await link(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST")
      throw new NewEditionError(`${shown(file)} already exists; edit it, or delete it to start again`);
    throw err;
  } finally {
    await unlink(temp).catch(() => {});
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export async function newEdition(options: NewEditionOptions): Promise<NewEditionResult> {
  const editionsDir = options.editionsDir ?? projectPaths.editions;
  const { id } = options;
  if (!EDITION_ID.test(id)) throw new NewEditionError(`expected the new edition's id written YYYY-MM, like "2026-05", got "${id}"`);
  const from = options.from ?? (await editionBefore(id, editionsDir));
  if (!from)
    throw new NewEditionError(`expected an edition before ${id} to start from, got none in ${shown(editionsDir)}/; pass --from YYYY-MM`);
  if (from >= id) throw new NewEditionError(`expected --from to name an edition before ${id}, got ${from}`);
  const sources = await editionFiles(from, { editionsDir });
  const targets = sources.map((m) => path.join(editionsDir, id, `${m.language}.yaml`));
  for (const target of targets)
    if (await exists(target))
      throw new NewEditionError(`${shown(target)} already exists; edit it, or delete it to start again from ${from}`);

  const manifests: NewManifest[] = [];
  for (const [i, m] of sources.entries()) manifests.push(moved(m, await readFile(m.file, "utf8"), id, from, targets[i]));
  await mkdir(path.join(editionsDir, id), { recursive: true });
  for (const m of manifests) await writeNew(m.file, m.source);
  // Read back through the loader every command uses: what was written is what will be built.
  for (const m of manifests) await loadManifest(m.file);
  return { id, from, manifests };
}
