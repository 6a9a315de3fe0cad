// Arguments of the project's scripts (bench, measure:preview, schema, contact
// sheet), read like the commands read theirs: --help prints the usage and
// exits before anything is written; a wrong option is one line and exit 2,
// never a stack trace.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { unknownOptionMessage } from "../src/cli/cli-kit.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

export function scriptArgs<const O extends Options>(help: string, options: O, argv = process.argv.slice(2)) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(help);
      process.exit(0);
    }
    return parsed;
  } catch (err) {
    const unknown = (err as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && /'(-[^']*)'/.exec((err as Error).message)?.[1];
    process.stderr.write(`${unknown ? unknownOptionMessage(unknown, options) : (err as Error).message}\nRun with --help for the usage.\n`);
    process.exit(2);
  }
}
