// What every command line here shares: parsing with a usable error, and
// manifest problems printed with their code frames.
import { readFile } from "node:fs/promises";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { closest } from "../manifest/did-you-mean.js";
import type { ManifestError } from "../manifest/problem.js";
import { CliError } from "./exit-codes.js";
import { formatProblem, styleFor } from "./report-problems.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

const COMMON = {
  debug: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

/** An option's former name (OptionSpec.alias, command-spec.ts), still accepted. */
type WithAlias = Options[string] & { alias?: string };

/** "Unknown option '--langs'; did you mean --lang?": the nearest option the command has, if one is near. */
export function unknownOptionMessage(typed: string, options: Options): string {
  const all: Options = { ...COMMON, ...options };
  const names = Object.entries(all).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
  const near = typed.startsWith("--") ? closest(typed, [...names, "--color", "--no-color"]) : undefined;
  return `Unknown option '${typed}'${near ? `; did you mean ${near}?` : ""}`;
}

/**
 * parseArgs with positionals and the options every command has (--debug,
 * --help); on a mistake, its own wording ("Unknown option '--langs'"), the
 * nearest option when there is one, and the way out.
 */
export function parseCli<const O extends Options>(argv: string[], options: O) {
  // A former name parses as an option of its own, then gives its value to the current one.
  const aliases = Object.entries(options as Record<string, WithAlias>).flatMap(([name, o]) =>
    o.alias ? [{ name, alias: o.alias, option: { type: o.type, ...(o.multiple ? { multiple: true } : {}) } }] : [],
  );
  try {
    const config = { ...COMMON, ...options, ...Object.fromEntries(aliases.map((a) => [a.alias, a.option])) };
    const parsed = parseArgs({ args: argv, allowPositionals: true, options: config as O & typeof COMMON, strict: true });
    const values = parsed.values as Record<string, unknown>;
    for (const { name, alias } of aliases) {
      if (values[alias] === undefined) continue;
      if (values[name] !== undefined) throw new CliError(`--${alias} is the former name of --${name}: give one of them`, "usage");
      values[name] = values[alias];
      delete values[alias];
    }
    return parsed;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const unknown = (err as { code?: string }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && /'(-[^']*)'/.exec((err as Error).message)?.[1];
    const text = unknown ? unknownOptionMessage(unknown, options) : (err as Error).message;
    throw new CliError(`${text}\nRun with --help for the usage.`, "usage");
  }
}

/** Every problem of a ManifestError, each with the lines around it, on stderr. */
export async function printManifestProblems(err: ManifestError, what = "nothing was built"): Promise<void> {
  const style = styleFor(process.stderr);
  const sources = new Map<string, string>();
  for (const problem of err.problems) {
    if (!sources.has(problem.file)) sources.set(problem.file, await readFile(problem.file, "utf8").catch(() => ""));
    process.stderr.write(`${formatProblem(problem, sources.get(problem.file) ?? "", style)}\n\n`);
  }
  process.stderr.write(`${err.message}; ${what}\n`);
}

export const out = (line: string) => process.stdout.write(`${line}\n`);
