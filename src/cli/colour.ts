// One rule for colour, used by every line the commands print (headlines, code
// frames, findings): the command line first (--color / --no-color, which the
// dispatcher turns into FORCE_COLOR / NO_COLOR), then NO_COLOR
// (https://no-color.org), then FORCE_COLOR, then "a terminal that is not dumb".
// CI=true changes nothing: a CI log is not a terminal unless FORCE_COLOR says so.
import { styleText } from "node:util";

export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "") return !["0", "false"].includes(env.FORCE_COLOR);
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

export type Format = Parameters<typeof styleText>[0];

/**
 * styleText once the decision is made: Node's own check would look at
 * process.stdout and its environment rules, not at the stream being written.
 */
export function paintIf(on: boolean, format: Format, text: string): string {
  return on ? styleText(format, text, { validateStream: false }) : text;
}

/** `--color` and `--no-color` anywhere before `--`, applied to the environment every part reads, and removed. */
export function takeColourFlags(argv: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const end = argv.indexOf("--");
  const head = end === -1 ? argv : argv.slice(0, end);
  const last = head.filter((a) => a === "--color" || a === "--no-color").at(-1);
  if (last === "--color") {
    delete env.NO_COLOR;
    env.FORCE_COLOR = "1";
  } else if (last === "--no-color") {
    env.NO_COLOR = "1";
    delete env.FORCE_COLOR;
  }
  const kept = head.filter((a) => a !== "--color" && a !== "--no-color");
  return end === -1 ? kept : [...kept, ...argv.slice(end)];
}
