// --profile and --allow, shared by build:edition and preflight, and how a
// job's findings are printed while a build runs.

import { closest } from "../manifest/did-you-mean.js";
import type { BuildReporter, Profile } from "../pipeline/build-edition.js";
import { isRuleId, RULE_IDS } from "../preflight/rules.js";
import { CliError } from "./exit-codes.js";
import { findingsSummary, formatFindings } from "./report-findings.js";
import type { ReportStyle } from "./report-problems.js";

export const PROFILES: readonly Profile[] = ["digital", "print"];

export function parseProfile(value: string | undefined): Profile | undefined {
  if (value === undefined) return undefined;
  if (!PROFILES.includes(value as Profile)) throw new CliError(`--profile: expected digital or print, got "${value}"`, "usage");
  return value as Profile;
}

/** `--allow overflow --allow contrast,heading-order`: rule ids, checked. */
export function parseAllow(values: readonly string[] | undefined): string[] {
  const ids = (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const id of ids)
    if (!isRuleId(id)) {
      const near = closest(id, RULE_IDS);
      throw new CliError(
        `--allow: expected a preflight rule (${RULE_IDS.join(", ")}), got "${id}"${near ? `; did you mean ${near}?` : ""}`,
        "usage",
      );
    }
  return ids;
}

/** One summary line per job, then its findings grouped by page. */
export function preflightReporter(allow: readonly string[], style: ReportStyle, out: (line: string) => void): BuildReporter["preflight"] {
  return (job, findings) => {
    out(`  ${job}  preflight: ${findingsSummary(findings, allow)}`);
    if (findings.length) out(formatFindings(findings, allow, style));
  };
}
