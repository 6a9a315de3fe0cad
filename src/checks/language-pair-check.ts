// Attaches the differences between the two languages of a month to the checked
// files, one problem in each file, each naming the other file's line and
// column. Used by check:edition and by the build (both through checkEditions'
// results), so a month whose languages disagree is never printed.
import path from "node:path";
import { languagePairDifferences, type Path } from "../diff/language-pair.js";
import { editionFiles, type ManifestFile } from "../manifest/discover.js";
import { formatPath, type Problem } from "../manifest/problem.js";
import { lineColumn, offsetOf } from "../manifest/yaml-position.js";
import { readYaml } from "../manifest/yaml-read.js";
import type { FileCheck } from "./check-editions.js";

type Valid = FileCheck & { parsed: NonNullable<FileCheck["parsed"]> };

const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") ? file : relative;
};

function locator(check: FileCheck) {
  const read = readYaml(check.source);
  return (p: Path) => (read.ok ? lineColumn(read.lineCounter, offsetOf(read.doc, p)) : { line: 1, column: 1 });
}

/** The problems of one pair, for each of its two files. */
export function languagePairProblems(a: Valid, b: Valid): { a: Problem[]; b: Problem[] } {
  const at = { a: locator(a), b: locator(b) };
  const out = { a: [] as Problem[], b: [] as Problem[] };
  for (const d of languagePairDifferences(a.parsed, b.parsed)) {
    const pa = at.a(d.a.path);
    const pb = at.b(d.b.path);
    const say = (other: Valid, pos: { line: number; column: number }, theirs: string, ours: string) =>
      `expected the same data in both languages (${d.what}): ${shown(other.file)}:${pos.line}:${pos.column} has ${theirs}, this file has ${ours}`;
    out.a.push({ file: a.file, ...pa, path: formatPath(d.a.path), message: say(b, pb, d.b.says, d.a.says) });
    out.b.push({ file: b.file, ...pb, path: formatPath(d.b.path), message: say(a, pa, d.a.says, d.b.says) });
  }
  return out;
}

/**
 * For every month with a French and an English manifest, adds their differences
 * to both checks. A month checked in one language only is still compared with
 * the other file of its folder; the problems then go to the checked file alone.
 */
export async function checkLanguagePairs(checks: FileCheck[], load: (manifest: ManifestFile) => Promise<FileCheck>, editionsDir: string) {
  const byEdition = new Map<string, FileCheck[]>();
  for (const c of checks) byEdition.set(c.edition, [...(byEdition.get(c.edition) ?? []), c]);
  for (const [id, selected] of byEdition) {
    const files = await editionFiles(id, { editionsDir }).catch(() => []);
    if (files.length < 2) continue;
    const both = await Promise.all(files.slice(0, 2).map(async (f) => selected.find((c) => c.file === f.file) ?? (await load(f))));
    const [a, b] = both;
    if (!a.parsed || !b.parsed || a.problems.length || b.problems.length) continue;
    const found = languagePairProblems(a as Valid, b as Valid);
    const byLine = (x: Problem, y: Problem) => x.line - y.line || x.column - y.column;
    if (selected.includes(a)) a.problems.push(...found.a.sort(byLine));
    if (selected.includes(b)) b.problems.push(...found.b.sort(byLine));
  }
}
