// `observatory index [--archive-dir DIR]`: writes the catalog of the
// archive; the work is writeCatalog().
import { writeCatalog } from "../archive/catalog.js";
import { archiveDirSetting, shown } from "../archive/locations.js";
import { RecordError } from "../archive/record.js";
import { count } from "../manifest/show-value.js";
import { parseCli } from "./cli-kit.js";
import { index } from "./command-specs.js";
import { CliError, type ExitReason, exitCodesText } from "./exit-codes.js";

export const HELP = `Usage: observatory index [--archive-dir DIR]
       npm run archive:index -- [--archive-dir DIR]

Writes catalog.html and catalog.json at the root of the archive (editions/ by
default): every archived edition and language with its date, title, pages,
size, sha256, cover thumbnail and a link to the PDF. The page uses relative
links only, so it works opened straight from disk.

  --archive-dir DIR    archives are in DIR/<YYYY-MM>/ (or OBSERVATORY_ARCHIVE_DIR)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

${exitCodesText(index.exits)}
`;

function parse(argv: string[]) {
  const parsed = parseCli(argv, { "archive-dir": { type: "string" } });
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
    const result = await writeCatalog({ archiveDir: archiveDirSetting(values["archive-dir"]) });
    const n = result.catalog.editions.length;
    process.stdout.write(`catalog -> ${shown(result.html)}, ${shown(result.json)} (${count(n, "archived PDF")})\n`);
    return "ok";
  } catch (err) {
    if (err instanceof RecordError) throw new CliError(err.message, "usage");
    const code = (err as NodeJS.ErrnoException).code;
    if (code && ["EACCES", "ENOSPC", "EROFS", "EPERM"].includes(code))
      throw new CliError(`could not write the catalog: ${(err as Error).message}`, "outputNotWritten");
    throw err;
  }
}
