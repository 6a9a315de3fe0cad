// `observatory verify [YYYY-MM] [--rebuild] [--json] [--archive-dir DIR]`:
// argument parsing and the report's wording only; the checks are verifyArchive().
import { archiveDirSetting, shown } from "../archive/locations.js";
import { SigningToolError, signingSetting } from "../archive/signature.js";
import type { EditionCheck } from "../archive/verify-archive.js";
import { BrowserNotFoundError } from "../browser/find-chromium.js";
import { EDITION_ID } from "../manifest/primitives.js";
import { ManifestError } from "../manifest/problem.js";
import { count } from "../manifest/show-value.js";
import { PreflightError } from "../pipeline/preflight-error.js";
import { out, parseCli } from "./cli-kit.js";
import { verify } from "./command-specs.js";
import { CliError, type ExitReason, exitCodesText } from "./exit-codes.js";

export const HELP = `Usage: observatory verify [YYYY-MM] [--rebuild] [--json] [--allowed-signers FILE] [--archive-dir DIR]
       npm run archive:verify -- [YYYY-MM] [--rebuild] [--json] [--archive-dir DIR]

Checks that the archive is still what was published:
  - the seal SHA256SUMS is signed by a publisher the allowed-signers file lists
    (ssh-keygen -Y verify); when that file exists, a revision without a
    signature is reported, so a rewrite of files, record and seal is named;
  - every archived file (superseded revisions too) matches its recorded sha256,
    the PDFs, web editions and open data alike; a symbolic link is refused;
  - an edition the catalog lists whose archive folder is gone is named;
  - each archived PDF passes the conformance check of what it claims
    (PDF/A-3, PDF/UA-1), beyond what was known when it was archived;
  - each manifest in editions/ matches the archived copy (an edit made after
    publication is reported, never republished);
  - with --rebuild, the archived manifests are built again and each PDF is
    compared byte for byte; when they differ, the report names the inputs that
    changed since archiving (templates, assets, fonts, code, Chromium, Node ...).

  YYYY-MM              one edition (default: every archived edition)
  --rebuild            also rebuild and compare the PDFs (needs Chromium)
  --json               print the result as JSON
  --allowed-signers F  the allowed-signers file (default <archive root>/allowed_signers,
                       or OBSERVATORY_ALLOWED_SIGNERS): keep a copy out of the
                       repository to check against a key nobody could swap
  --archive-dir DIR    archives are in DIR/<YYYY-MM>/ (or OBSERVATORY_ARCHIVE_DIR)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

${exitCodesText(verify.exits)}
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    rebuild: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "archive-dir": { type: "string" },
    "allowed-signers": { type: "string" },
  });
}

function report(check: EditionCheck): void {
  const mark = check.findings.length ? "✗" : "✓";
  const revision = check.revision === undefined ? "no readable record" : `revision ${check.revision}`;
  const signed = check.signer ? `, signed by ${check.signer}` : check.unsigned ? ", unsigned" : "";
  out(`${mark} ${check.id}  ${revision}${signed}, ${count(check.filesChecked, "archived file")} checked in ${shown(check.folder)}/`);
  for (const f of check.findings) out(`  ${f.message}`);
  if (check.unsigned && !check.findings.length)
    out("  not signed (no allowed_signers file): a rewrite of this revision with its record and seal could not be told apart");
  for (const c of check.conformance ?? [])
    out(
      `  ${c.pdf}: conformance of ${c.standards.join(", ")} checked${c.known ? ` (${count(c.known, "finding")} known when archived)` : ""}`,
    );
  for (const r of check.rebuild ?? []) {
    if (!r.identical) continue;
    const note = r.changed.length ? `, although ${r.changed.map((c) => c.input).join(", ")} changed since archiving` : "";
    const tries = r.attempts > 1 ? ` on build ${r.attempts} (Chromium's output varied between builds)` : "";
    out(`  rebuilt ${r.pdf}: byte-identical${tries} (sha256 ${r.rebuiltSha256.slice(0, 12)}…)${note}`);
  }
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (positionals.length > 1) throw new CliError(`expected at most one edition id, got ${positionals.join(" ")}`, "usage");
  if (positionals[0] && !EDITION_ID.test(positionals[0]))
    throw new CliError(`expected an edition id written YYYY-MM, like 2026-04, got "${positionals[0]}"`, "usage");
  const [{ NotArchivedError, verifyArchive }, { TemplateError }] = await Promise.all([
    import("../archive/verify-archive.js"),
    import("../render/template-env.js"),
  ]);
  try {
    const result = await verifyArchive({
      id: positionals[0],
      rebuild: values.rebuild,
      archiveDir: archiveDirSetting(values["archive-dir"]),
      ...signingSetting({ allowedSigners: values["allowed-signers"] }),
      onEdition: values.json ? undefined : report,
    });
    if (values.json) out(JSON.stringify(result, null, 2));
    else if (!result.editions.length) out("No archived edition found; archive one with npm run archive -- <YYYY-MM>");
    else {
      const bad = result.editions.filter((e) => e.findings.length);
      const problems = bad.reduce((n, e) => n + e.findings.length, 0);
      out(
        `Verified ${count(result.editions.length, "archived edition")} in ${(result.ms / 1000).toFixed(1)} s: ` +
          (bad.length ? `${count(problems, "difference")} in ${count(bad.length, "edition")}` : "all as archived"),
      );
    }
    return result.ok ? "ok" : "invalidManifest";
  } catch (err) {
    if (err instanceof NotArchivedError) throw new CliError(err.message, "usage");
    if (err instanceof BrowserNotFoundError || err instanceof SigningToolError) throw new CliError(err.message, "noBrowser");
    if (err instanceof PreflightError)
      throw new CliError(
        `${err.message}: the archived manifests no longer pass preflight with today's templates and tools`,
        "preflightFailed",
      );
    if (err instanceof TemplateError)
      throw new CliError(`${shown(err.file)}:${err.line}:${err.column}  template error while rebuilding: ${err.message}`, "renderFailed");
    if (err instanceof ManifestError)
      throw new CliError(
        `an archived manifest no longer validates: ${err.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
        "invalidManifest",
      );
    throw err;
  }
}
