// The typesetting's faults left in the final print, as preflight findings:
// the pipeline joins the two, which never import each other.
import type { Finding } from "../preflight/rules.js";
import type { LineFault } from "../typeset/line-faults.js";

const RULE_OF: Record<LineFault["kind"], Finding["rule"]> = {
  "hyphen-ladder": "hyphen-ladder",
  "split-word": "split-word",
  "word-fragment": "word-fragment",
  "hyphenated-name": "hyphenated-name",
};

/** Preflight findings for the faults left in the final print. */
export function lineFindings(faults: LineFault[]): Finding[] {
  return faults.map((f) => ({ rule: RULE_OF[f.kind], severity: "error", page: f.page, element: f.where, message: f.message }));
}
