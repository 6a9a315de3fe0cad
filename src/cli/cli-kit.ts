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
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON, ...options }, strict: true });
  } catch (err) {
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
