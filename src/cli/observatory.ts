// `observatory <command> [options]`: reads the command name, loads that
// command's module and runs it. Thin on purpose: --help and --version import no
// browser driver, PDF library or hyphenation patterns, and each command keeps
// its own parsing and run logic in its own module (see commands.ts).
import { closest } from "../manifest/did-you-mean.js";
import { takeColourFlags } from "./colour.js";
import { COMMANDS } from "./commands.js";
import { CliError, EXIT_CODES, type ExitReason, exitCodesText } from "./exit-codes.js";
import { runCli } from "./run-cli.js";

export const HELP = `Usage: observatory <command> [options]

Turns the SecNumCloud Observatory's YAML manifests into print-ready PDFs.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary.padEnd(62)} (npm run ${c.script})`)
  .join("\n")}

Options:
  -h, --help           this help; observatory <command> --help for a command's
  -V, --version        versions of observatory, Chromium, pdf-lib, Node.js
  --color, --no-color  colour the output or not (default: on a terminal that is
                       not TERM=dumb; NO_COLOR and FORCE_COLOR are honoured)

${exitCodesText(Object.fromEntries(Object.keys(EXIT_CODES).map((r) => [r, true])))}
`;

async function main(argv: string[]): Promise<ExitReason> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    // `observatory help build` reads like `observatory build --help`.
    if (name === "help" && rest[0] && COMMANDS[rest[0]]) return (await COMMANDS[rest[0]].load()).main(["--help"]);
    process.stdout.write(HELP);
    return name === undefined ? "usage" : "ok";
  }
  if (name === "--version" || name === "-V") {
    const { versionText } = await import("./version.js");
    process.stdout.write(`${await versionText()}\n`);
    return "ok";
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const what = name.startsWith("-") ? "option" : "command";
    const near = closest(name, what === "option" ? ["--help", "--version"] : Object.keys(COMMANDS));
    throw new CliError(
      `Unknown ${what} '${name}'${near ? `; did you mean ${near}?` : ""}\nCommands: ${Object.keys(COMMANDS).join(", ")}. Run observatory --help for the usage.`,
      "usage",
    );
  }
  return (await command.load()).main(rest);
}

const argv = takeColourFlags(process.argv.slice(2));
// The command runs from a bundle (dist/); a stack trace worth reading names src/.
if (argv.includes("--debug")) process.setSourceMapsEnabled(true);
await runCli(() => main(argv), { debug: argv.includes("--debug") });
