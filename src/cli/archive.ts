// `observatory archive <YYYY-MM> [--force --reason "why"] [--key FILE] [--sign] [--archive-dir DIR]`:
// argument parsing and progress lines only; the work is archiveEdition().
import { archiveDirSetting, shown } from "../archive/locations.js";
import { RecordError } from "../archive/record.js";
import { SigningError, SigningToolError, signingSetting } from "../archive/signature.js";
import { ArchiveRaceError } from "../archive/staging.js";
import { BrowserNotFoundError } from "../browser/find-chromium.js";
import { EditionNotFoundError } from "../manifest/discover.js";
import { ManifestError } from "../manifest/problem.js";
import { orList } from "../manifest/show-value.js";
import { PreflightError } from "../pipeline/preflight-error.js";
import { blockingFindings, RULE_IDS } from "../preflight/rules.js";
import { out, parseCli, printManifestProblems } from "./cli-kit.js";
import { archive } from "./command-specs.js";
import { CliError, type ExitReason, exitCodesText } from "./exit-codes.js";

export const HELP = `Usage: observatory archive <YYYY-MM> [--force --reason "why"] [--key FILE] [--archive-dir DIR]
       observatory archive <YYYY-MM> --sign --key FILE
       npm run archive -- <YYYY-MM> [--force --reason "why"] [--key FILE] [--archive-dir DIR]

Freezes a published edition: builds it afresh and keeps its PDFs, web
editions, open data (and the series across editions), the exact manifests
they were built from, a cover thumbnail of each and archive.json (the sha256
of every file; hashes of the templates, assets, fonts and code; versions of
this project, Node, Chromium, pdf-lib and puppeteer-core) in
editions/<YYYY-MM>/published/, to be committed with the manifests. The seal
SHA256SUMS is signed with the publisher's SSH key (SHA256SUMS.sig, by
ssh-keygen -Y sign) when editions/allowed_signers lists the publishers.

  YYYY-MM              the edition to archive
  --force              replace an archived edition; the earlier revision is
                       kept in published/superseded/<n>/ with a REASON file
  --reason TEXT        why it is replaced (required with --force)
  --allow RULE         publish despite errors of this preflight rule (repeatable);
                       recorded, and allowed again by archive:verify --rebuild
  --key FILE           the publisher's SSH private key (or its .pub, the key in
                       ssh-agent) that signs the seal (or OBSERVATORY_SIGNING_KEY)
  --allowed-signers F  the allowed-signers file the signature is checked with
                       (default <archive root>/allowed_signers, or
                       OBSERVATORY_ALLOWED_SIGNERS)
  --sign               sign an archived, unsigned revision as it is (one archived
                       before signing); it must verify otherwise. Builds nothing
  --archive-dir DIR    keep archives in DIR/<YYYY-MM>/ instead
                       (or set OBSERVATORY_ARCHIVE_DIR)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

Environment: CHROME_PATH picks the browser; SOURCE_DATE_EPOCH overrides the
date written into the PDFs (and is recorded, so a rebuild uses it again).

${exitCodesText(archive.exits)}
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    force: { type: "boolean", default: false },
    reason: { type: "string" },
    allow: { type: "string", multiple: true },
    "archive-dir": { type: "string" },
    key: { type: "string" },
    "allowed-signers": { type: "string" },
    sign: { type: "boolean", default: false },
  });
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (positionals.length !== 1)
    throw new CliError(`expected the id of one edition to archive, like 2026-04, got ${positionals.join(" ") || "none"}`, "usage");
  if (values.force && !values.reason?.trim())
    throw new CliError('--force needs --reason "why": the reason is kept with the superseded revision', "usage");
  if (values.reason && !values.force)
    throw new CliError("--reason goes with --force; an edition archived for the first time needs none", "usage");
  const unknown = (values.allow ?? []).find((rule) => !(RULE_IDS as string[]).includes(rule));
  if (unknown) throw new CliError(`--allow: expected a preflight rule (${orList(RULE_IDS)}), got "${unknown}"`, "usage");
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && !/^\d+$/.test(epoch))
    throw new CliError(`SOURCE_DATE_EPOCH: expected seconds since 1970, got "${epoch}"`, "usage");
  const signing = signingSetting({ key: values.key, allowedSigners: values["allowed-signers"] });
  const archiveDir = archiveDirSetting(values["archive-dir"]);
  if (values.sign) {
    if (values.force)
      throw new CliError("--sign signs the archived revision as it is; --force archives a new one (signed when a key is given)", "usage");
    try {
      const { signRevision } = await import("../archive/sign-revision.js");
      const signed = await signRevision({ id: positionals[0], archiveDir, ...signing });
      out(`Signed ${positionals[0]} revision ${signed.revision} in ${shown(signed.folder)}/ as ${signed.signer} (SHA256SUMS.sig)`);
      out(`Next: commit ${shown(signed.folder)}/SHA256SUMS.sig`);
      return "ok";
    } catch (err) {
      if (err instanceof SigningToolError) throw new CliError(err.message, "noBrowser");
      if (err instanceof SigningError || err instanceof RecordError) throw new CliError(err.message, "usage");
      if ((err as Error).name === "NotArchivedError") throw new CliError((err as Error).message, "usage");
      throw err;
    }
  }
  const [{ AlreadyArchivedError, archiveEdition }, { TemplateError }] = await Promise.all([
    import("../archive/archive-edition.js"),
    import("../render/template-env.js"),
  ]);
  try {
    const result = await archiveEdition({
      id: positionals[0],
      archiveDir,
      ...signing,
      force: values.force ? { reason: values.reason as string } : undefined,
      sourceDateEpoch: epoch === undefined ? undefined : Number(epoch),
      allow: values.allow,
      reporter: { note: (line) => out(`  ${line}`), file: (input, output) => out(`${input} -> ${output}`) },
    });
    const { record } = result;
    const pages = record.languages.reduce((n, l) => n + l.pages, 0);
    if (result.superseded)
      out(`Kept revision ${record.supersedes?.revision} in ${shown(result.superseded)}/ (reason: ${record.supersedes?.reason})`);
    out(
      `Archived ${record.edition} revision ${record.revision} in ${shown(result.folder)}/ (${record.files.length} files, ${pages} pages) in ${(result.ms / 1000).toFixed(1)} s`,
    );
    out(
      result.signer
        ? `Signed by ${result.signer} (SHA256SUMS.sig)`
        : "Not signed: no editions/allowed_signers lists a publisher's key (see the README, archive); a rewrite of this revision with its record and seal could not be told",
    );
    out(`Next: npm run archive:index, then commit ${shown(result.folder)}/`);
    return "ok";
  } catch (err) {
    if (err instanceof ManifestError) {
      await printManifestProblems(err);
      return "invalidManifest";
    }
    if (
      err instanceof EditionNotFoundError ||
      err instanceof AlreadyArchivedError ||
      err instanceof ArchiveRaceError ||
      err instanceof RecordError
    )
      throw new CliError(err.message, "usage");
    if (err instanceof PreflightError) {
      const lines = err.jobs.flatMap((j) =>
        blockingFindings(j.preflight ?? [], err.allow).map((f) => `  ${j.id}-${j.language}  ${f.rule}: ${f.message}`),
      );
      throw new CliError(
        `${err.message}; nothing was archived\n${lines.join("\n")}\nFix them, or publish anyway with --allow RULE.`,
        "preflightFailed",
      );
    }
    if (err instanceof BrowserNotFoundError || err instanceof SigningToolError) throw new CliError(err.message, "noBrowser");
    if (err instanceof SigningError) throw new CliError(`${err.message}; nothing was archived`, "usage");
    if (err instanceof TemplateError)
      throw new CliError(`${shown(err.file)}:${err.line}:${err.column}  template error: ${err.message}`, "renderFailed");
    const code = (err as NodeJS.ErrnoException).code;
    if (code && ["EACCES", "ENOSPC", "EROFS", "EPERM"].includes(code))
      throw new CliError(`could not write the archive: ${(err as Error).message}`, "outputNotWritten");
    throw err;
  }
}
