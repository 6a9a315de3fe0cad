// A command declared once: its summary, arguments, options (each with the
// words its help shows) and the exit codes it can return. Its --help, its
// parsing and the did-you-mean of a mistyped option all come from that one
// declaration (commands.ts holds them all; it imports nothing heavy, so
// `observatory --help` stays cheap).
import { type ExitReason, exitCodesText } from "./exit-codes.js";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** What the value looks like in the help: "fr|en", "DIR", "N". */
  value?: string;
  /** The help's words; lines after the first are indented under it. */
  help: string;
  /** A former name the option still answers to (scripts written before a rename keep working). */
  alias?: string;
}

/** What the dispatcher lists for every command: its summary, its npm script, its exit codes. */
export interface CommandEntry {
  summary: string;
  /** The npm script that runs it (the documented interface of the checkout). */
  script: string;
  /** Every reason the command can exit with: its own words, or true for the table's (exit-codes.ts). */
  exits: Partial<Record<ExitReason, string | true>>;
}

/** A command whose usage, help and parsing come from its declaration. */
export interface CommandSpec extends CommandEntry {
  /** What follows the command's name in the usage line: "[YYYY-MM ...] [options]". */
  usage: string;
  /** The paragraph under the usage lines. */
  description: string;
  /** Positional arguments, as the help lists them before the options. */
  args?: Record<string, string>;
  options: Record<string, OptionSpec>;
  /** Text after the options (environment, keys, notes). */
  notes?: string;
}

/** Options every command takes; run-cli and colour.ts read them, the help lists them last. */
export const COMMON_OPTIONS = {
  color: { type: "boolean", help: "colour the output or not (default: on a terminal)" },
  debug: { type: "boolean", default: false, help: "show the stack trace of an unexpected error" },
  help: { type: "boolean", short: "h", default: false, help: "show this help" },
} as const satisfies Record<string, OptionSpec>;

// The help text starts in this column, after the longest label (--color, --no-color).
const COLUMN = 23;

function optionLabel(name: string, o: OptionSpec): string {
  if (name === "color") return "--color, --no-color";
  const long = `--${name}${o.value ? ` ${o.value}` : ""}`;
  return o.short ? `-${o.short}, ${long}` : long;
}

function row(label: string, help: string): string {
  const [first, ...rest] = help.split("\n");
  const head = label.length <= COLUMN - 3 ? `  ${label.padEnd(COLUMN - 3)} ${first}` : `  ${label}\n${" ".repeat(COLUMN)}${first}`;
  return [head, ...rest.map((l) => `${" ".repeat(COLUMN)}${l}`)].join("\n");
}

/** The command's --help, from its declaration. */
export function helpText(name: string, spec: CommandSpec): string {
  const rows = [
    ...Object.entries(spec.args ?? {}).map(([label, help]) => row(label, help)),
    ...Object.entries({ ...spec.options, ...COMMON_OPTIONS } as Record<string, OptionSpec>).map(([n, o]) =>
      row(optionLabel(n, o), o.alias ? `${o.help}\n(--${o.alias}, its former name, is the same)` : o.help),
    ),
  ];
  return [
    `Usage: observatory ${name} ${spec.usage}\n       npm run ${spec.script} -- ${spec.usage}`,
    spec.description,
    rows.join("\n"),
    ...(spec.notes ? [spec.notes] : []),
    exitCodesText(spec.exits),
  ]
    .join("\n\n")
    .concat("\n");
}
