// One rule of colour for every part of the output (the headline, the code
// frame, the summary): --color / --no-color, then NO_COLOR, then FORCE_COLOR,
// then a terminal that is not TERM=dumb. Checked on the compiled command, in a
// pipe and in a real pseudo-terminal (util-linux `script`).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { colourWanted, takeColourFlags } from "../../src/cli/colour.js";
import { projectRoot } from "../../src/paths.js";
import { BIN, observatory } from "../support/observatory.js";

const FIXTURE = "tests/fixtures/invalid/stage-j5.yaml";
const ESC = "\u001b[";

/** Whether the headline, the code frame's marked line and the summary are coloured. */
function parts(stdout: string) {
  const lines = stdout.split(/\r?\n/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ANSI colour codes the test strips start with ESC
  const coloured = (re: RegExp) => lines.find((l) => re.test(l.replaceAll(/\u001b\[[0-9;]*m/g, "")))?.includes(ESC);
  return { headline: coloured(/^tests\/fixtures/), frame: coloured(/^> 32 \|/), summary: coloured(/^1 problem in 1 file/) };
}

const ALL = { headline: true, frame: true, summary: true };
const NONE = { headline: false, frame: false, summary: false };

function inPipe(env: Record<string, string>, ...flags: string[]) {
  const base = { ...process.env };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "CI", "TERM"]) delete base[k];
  return parts(observatory(["check", FIXTURE, ...flags], { env: { ...base, ...env } }).stdout);
}

/** The command in a pseudo-terminal, as a person at a terminal runs it. */
function inTerminal(env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm-256color" };
  for (const k of ["NO_COLOR", "FORCE_COLOR", "CI"]) delete base[k];
  const r = spawnSync("script", ["-qec", `"${process.execPath}" "${BIN}" check ${FIXTURE}`, "/dev/null"], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...base, ...env },
  });
  return parts(r.stdout);
}

describe("colour", () => {
  it("is off in a pipe, on with FORCE_COLOR or --color, off again with NO_COLOR or --no-color", () => {
    expect(inPipe({})).toEqual(NONE);
    expect(inPipe({ CI: "true" })).toEqual(NONE);
    expect(inPipe({ FORCE_COLOR: "1" })).toEqual(ALL);
    expect(inPipe({ FORCE_COLOR: "0" })).toEqual(NONE);
    expect(inPipe({ FORCE_COLOR: "1", NO_COLOR: "1" })).toEqual(NONE);
    expect(inPipe({}, "--color")).toEqual(ALL);
    expect(inPipe({ NO_COLOR: "1" }, "--color")).toEqual(ALL);
    expect(inPipe({ FORCE_COLOR: "1" }, "--no-color")).toEqual(NONE);
  });

  it("is on at a terminal, whole, also under CI=true; off under TERM=dumb or NO_COLOR", () => {
    expect(inTerminal({})).toEqual(ALL);
    expect(inTerminal({ CI: "true" })).toEqual(ALL);
    expect(inTerminal({ TERM: "dumb" })).toEqual(NONE);
    expect(inTerminal({ NO_COLOR: "1" })).toEqual(NONE);
  });

  it("decides from the stream written to, and takes the flags only before --", () => {
    expect(colourWanted({ isTTY: true }, {})).toBe(true);
    expect(colourWanted({ isTTY: false }, {})).toBe(false);
    expect(colourWanted({ isTTY: true }, { NO_COLOR: "" })).toBe(true); // empty means unset (no-color.org)
    const env: NodeJS.ProcessEnv = {};
    expect(takeColourFlags(["check", "--no-color", "2026-04", "--", "--color"], env)).toEqual(["check", "2026-04", "--", "--color"]);
    expect(env).toEqual({ NO_COLOR: "1" });
  });
});
