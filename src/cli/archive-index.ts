// `observatory index [--archive-dir DIR]`: writes the catalog of the
// archive; the work is writeCatalog().
import { writeCatalog } from "../archive/catalog.js";
import { archiveDirSetting, shown } from "../archive/locations.js";
import { RecordError } from "../archive/record.js";
import { SigningToolError, signingSetting } from "../archive/signature.js";
import { count } from "../manifest/show-value.js";
import { parseCli } from "./cli-kit.js";
import { index } from "./command-specs.js";
import { CliError, type ExitReason, exitCodesText } from "./exit-codes.js";

export const HELP = `Usage: observatory index [--allowed-signers FILE] [--archive-dir DIR]
       npm run archive:index -- [--archive-dir DIR]

Writes catalog.html, catalog.json and catalog.atom (an Atom 1.0 feed) at the
root of the archive (editions/ by default): every archived edition and
language with its date, title, pages, size, sha256, cover thumbnail and links
to its PDF, web edition and open data. Relative links only, so the page works
opened straight from disk. An edition whose archive does not verify (as
archive:verify checks it, the PDF conformance aside) is withheld: named, with
what is wrong, and nothing of its record shown.

  --allowed-signers F  the allowed-signers file (default <archive root>/allowed_signers)
  --archive-dir DIR    archives are in DIR/<YYYY-MM>/ (or OBSERVATORY_ARCHIVE_DIR)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

${exitCodesText(index.exits)}
`;

function parse(argv: string[]) {
  const parsed = parseCli(argv, { "archive-dir": { type: "string" }, "allowed-signers": { type: "string" } });
  if (parsed.positionals.length)
    throw new CliError(
      `expected no argument besides options, got ${parsed.positionals.join(" ")}\nRun with --help for the usage.`,
      "usage",
    );
  return parsed;
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  try {
    const result = await writeCatalog({
      archiveDir: archiveDirSetting(values["archive-dir"]),
      ...signingSetting({ allowedSigners: values["allowed-signers"] }),
    });
    const n = result.catalog.editions.length;
    process.stdout.write(`catalog -> ${shown(result.html)}, ${shown(result.json)}, ${shown(result.atom)} (${count(n, "archived PDF")})\n`);
    const { withheld } = result.catalog;
    for (const w of withheld)
      process.stderr.write(
        `withheld ${w.edition}: its archive does not verify (${w.problems.map((p) => `${p.kind} at ${p.file}`).join("; ")}); run npm run archive:verify -- ${w.edition}\n`,
      );
    return withheld.length ? "invalidManifest" : "ok";
  } catch (err) {
    if (err instanceof RecordError) throw new CliError(err.message, "usage");
    if (err instanceof SigningToolError) throw new CliError(err.message, "noBrowser");
    const code = (err as NodeJS.ErrnoException).code;
    if (code && ["EACCES", "ENOSPC", "EROFS", "EPERM"].includes(code))
      throw new CliError(`could not write the catalog: ${(err as Error).message}`, "outputNotWritten");
    throw err;
  }
}
