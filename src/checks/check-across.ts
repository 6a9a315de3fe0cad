// The checks that read more than one manifest or typeset text, run by
// `check:edition` after each file is parsed, so that what it accepts the build
// accepts too: what each section type reads from other editions, read as the
// build reads it (readEarlierEditions: the edition "whats-new" compares with
// exists, the earlier editions a chart counts parse), quotes typesetting cannot settle (a problem:
// preflight refuses them), and the editors' warnings.

import { loadEditionIn } from "../diff/compare-editions.js";
import { editionReader } from "../diff/edition-reader.js";
import { listEditions } from "../manifest/discover.js";
import { ManifestError } from "../manifest/problem.js";
import { readEarlierEditions } from "../render/section-views.js";
import type { FileCheck } from "./check-editions.js";
import { editorWarnings } from "./editor-warnings.js";
import { locate } from "./locate.js";
import { straightQuoteFindings } from "./straight-quotes.js";

export async function checkAcrossEditions(results: FileCheck[], editionsDir: string, templatesDir?: string): Promise<void> {
  const ids = await listEditions(editionsDir).catch(() => [] as string[]);
  const reader = editionReader(editionsDir);
  const checked = new Set(results.map((r) => r.file));
  for (const result of results) {
    const edition = result.parsed;
    if (!edition) continue;
    const loaded = { file: result.file, source: result.source, edition };
    result.problems.push(...locate(loaded, straightQuoteFindings(result.source, edition.edition.language, templatesDir)));
    try {
      await readEarlierEditions(loaded, reader);
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      // A problem of another manifest checked in this run is reported there, once.
      result.problems.push(...err.problems.filter((p) => p.file === undefined || p.file === result.file || !checked.has(p.file)));
    }
    const before = ids.filter((e) => e < edition.edition.id).pop();
    const previous = before ? await loadEditionIn(before, edition.edition.language, editionsDir).catch(() => undefined) : undefined;
    result.warnings = locate(loaded, editorWarnings(edition, previous));
  }
}
