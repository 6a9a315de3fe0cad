// Every command's --help lists exactly the exit codes the command can return:
// those its declaration names (src/cli/command-specs.ts), which must cover
// every reason its module can return or throw, and every error of the one
// table (src/cli/error-exits.ts) it can meet. `observatory --help` lists them all.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCli } from "../../src/cli/cli-kit.js";
import { build, images } from "../../src/cli/command-specs.js";
import { COMMANDS } from "../../src/cli/commands.js";
import { ERROR_EXITS } from "../../src/cli/error-exits.js";
import { EXIT_CODES, type ExitReason } from "../../src/cli/exit-codes.js";
import { projectRoot } from "../../src/paths.js";
import { observatory } from "../support/observatory.js";

const REASONS = Object.keys(EXIT_CODES) as ExitReason[];

/** The codes of the "Exit codes:" paragraph of a help text. */
function listedCodes(help: string): number[] {
  const paragraph = /\nExit codes: ([\s\S]*?)(?:\n\n|$)/.exec(help)?.[1];
  if (!paragraph) throw new Error(`no "Exit codes:" paragraph in:\n${help}`);
  return [...paragraph.replace(/\s+/g, " ").matchAll(/(?:^|, )(\d+) /g)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

const codesOf = (reasons: readonly string[]) => reasons.map((r) => EXIT_CODES[r as ExitReason]).sort((a, b) => a - b);

describe("exit codes: declared once, listed by every --help", () => {
  it("observatory --help lists every exit code of the table", () => {
    const r = observatory(["--help"]);
    expect(r.code).toBe(0);
    expect(listedCodes(r.stdout)).toEqual(codesOf(REASONS));
  });

  for (const [name, command] of Object.entries(COMMANDS))
    it(`observatory ${name} --help lists exactly the codes it declares`, () => {
      const r = observatory([name, "--help"]);
      expect(r.code).toBe(0);
      expect(listedCodes(r.stdout)).toEqual(codesOf(Object.keys(command.exits)));
    });

  it("each command declares every reason its module returns or throws, and the ones every command can meet", () => {
    // Which module each command loads, as the dispatcher's table says.
    const table = readFileSync(path.join(projectRoot, "src/cli/commands.ts"), "utf8");
    const files = new Map([...table.matchAll(/^ {2}(\w+): \{.*import\("\.\/([\w-]+)\.js"\)/gm)].map((m) => [m[1], m[2]]));
    expect([...files.keys()].sort()).toEqual(Object.keys(COMMANDS).sort());
    for (const [name, command] of Object.entries(COMMANDS)) {
      const source = readFileSync(path.join(projectRoot, "src/cli", `${files.get(name)}.ts`), "utf8");
      // "usage" for a mistyped option (parseCli), "internal" for a bug, "interrupted" for Ctrl-C (run-cli.ts).
      const used = new Set<string>(["ok", "usage", "internal", "interrupted"]);
      for (const m of source.matchAll(/"(\w+)"/g)) if (REASONS.includes(m[1] as ExitReason)) used.add(m[1]);
      for (const [error, reason] of Object.entries(ERROR_EXITS)) if (source.includes(error)) used.add(reason);
      const declared = Object.keys(command.exits);
      for (const reason of used) expect(declared, `${name} can exit with ${reason}`).toContain(reason);
    }
  });

  it("every error of the table is an error class of src/ with that name, and every named one is in the table", () => {
    const named = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
      );
    for (const file of walk(path.join(projectRoot, "src")))
      for (const m of readFileSync(file, "utf8").matchAll(/\bname = "(\w+Error)"/g)) named.add(m[1]);
    named.delete("CliError");
    expect(Object.keys(ERROR_EXITS).sort()).toEqual([...named].sort());
  });
});

describe("an option's former name (OptionSpec.alias)", () => {
  const options = images.options;

  it("images takes --out-dir as build does, and still --output-dir", () => {
    expect(parseCli(["2026-04", "--out-dir", "/tmp/a"], options).values["out-dir"]).toBe("/tmp/a");
    const old = parseCli(["2026-04", "--output-dir", "/tmp/b"], options).values as Record<string, unknown>;
    expect(old["out-dir"]).toBe("/tmp/b");
    expect(old["output-dir"]).toBeUndefined();
    expect(() => parseCli(["--out-dir", "/a", "--output-dir", "/b"], options)).toThrow(/former name of --out-dir/);
    expect(build.options["out-dir"]).toBeDefined();
  });

  it("the help shows both names", () => {
    const help = observatory(["images", "--help"]).stdout;
    expect(help).toContain("--out-dir DIR");
    expect(help).toContain("(--output-dir, its former name, is the same)");
  });
});
