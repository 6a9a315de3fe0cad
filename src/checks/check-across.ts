// The checks that read more than one manifest or typeset text, run by
// `check:edition` after each file is parsed, so that what it accepts the build
// accepts too: the editions "whats-new" compares with exist (else a problem,
// as the build refuses them), quotes typesetting cannot settle (a problem:
// preflight refuses them), and the editors' warnings.

import { loadEditionIn } from "../diff/compare-editions.js";
import { listEditions } from "../manifest/discover.js";
import { ManifestError } from "../manifest/problem.js";
import { previousEditionsFor } from "../sections/whats-new/view/previous-editions.js";
import type { FileCheck } from "./check-editions.js";
import { editorWarnings } from "./editor-warnings.js";
import { locate } from "./locate.js";
import { straightQuoteFindings } from "./straight-quotes.js";

export async function checkAcrossEditions(results: FileCheck[], editionsDir: string, templatesDir?: string): Promise<void> {
  const ids = await listEditions(editionsDir).catch(() => [] as string[]);
  for (const result of results) {
    const edition = result.parsed;
    if (!edition) continue;
    const loaded = { file: result.file, source: result.source, edition };
    result.problems.push(...locate(loaded, straightQuoteFindings(result.source, edition.edition.language, templatesDir)));
    try {
      await previousEditionsFor(loaded, editionsDir);
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      result.problems.push(...err.problems);
    }
    const before = ids.filter((e) => e < edition.edition.id).pop();
    const previous = before ? await loadEditionIn(before, edition.edition.language, editionsDir).catch(() => undefined) : undefined;
    result.warnings = locate(loaded, editorWarnings(edition, previous));
  }
}
