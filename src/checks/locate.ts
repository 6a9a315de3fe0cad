// Problems and warnings found on parsed data, located back in the YAML text.
import type { LoadedEdition } from "../manifest/load.js";
import { formatPath, type Problem } from "../manifest/problem.js";
import { lineColumn, offsetOf } from "../manifest/yaml-position.js";
import { readYaml } from "../manifest/yaml-read.js";

export type Finding = { path: PropertyKey[]; message: string };

export function locate(loaded: Pick<LoadedEdition, "file" | "source">, findings: readonly Finding[]): Problem[] {
  if (!findings.length) return [];
  const read = readYaml(loaded.source);
  return findings.map(({ path, message }) => ({
    file: loaded.file,
    ...(read.ok ? lineColumn(read.lineCounter, offsetOf(read.doc, path)) : { line: 1, column: 1 }),
    path: formatPath(path),
    message,
  }));
}
