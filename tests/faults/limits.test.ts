// Manifest limits and odd inputs: each is refused (or accepted) with its
// file:line:column and a plain sentence, quickly, never as an internal error.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseManifest } from "../../src/manifest/load.js";
import type { Problem } from "../../src/manifest/problem.js";
import { projectRoot } from "../../src/paths.js";
import { scratch } from "../support/fault-kit.js";
import { runCli } from "../support/run-cli.js";

const BASE = readFileSync(path.join(projectRoot, "editions/2026-03/en.yaml"), "utf8");
const FIRST_P = '      - p: "At a time when';
const shown = (p: Problem) => `${p.line}:${p.column}  ${p.path ? `${p.path}: ` : ""}${p.message}`;
const problems = (source: string) => parseManifest(source, "editions/2026-03/en.yaml").problems.map(shown);
const lineOf = (source: string, text: string) => source.slice(0, source.indexOf(text)).split("\n").length;
/** The manifest with its first paragraph replaced. */
const withParagraph = (text: string) => BASE.replace(/ {6}- p: "At a time when[^\n]*/, `${FIRST_P.slice(0, 11)}${text}`);

let s: ReturnType<typeof scratch> | undefined;
afterEach(() => s?.done());

/** An editions folder holding one manifest, for the CLI. */
function editionsWith(source: string | Buffer) {
  s = scratch();
  const dir = path.join(s.dir, "editions", "2026-03");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "en.yaml"), source);
  return path.join(s.dir, "editions");
}

describe("manifest limits", () => {
  it("a 1 MB paragraph: exit 1 at once, with its place, not a navigation timeout", async () => {
    const source = withParagraph(`"${"lorem ipsum ".repeat(90_000)}"`);
    const editions = editionsWith(source);
    const r = await runCli("build-edition", ["2026-03", "--editions-dir", editions, "--out-dir", path.join(s?.dir ?? "", "out")]);
    console.log(`1 MB paragraph: exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `2026-03/en.yaml:${lineOf(source, FIRST_P.slice(0, 11))}:1  expected a manifest of at most 512 KB, got 1074 KB (is this the right file?)`,
    );
    // The code frame shows a window of the line, not the megabyte.
    expect(r.stderr.length).toBeLessThan(2000);
    expect(r.stderr).not.toContain("internal error");
    expect(r.ms).toBeLessThan(10_000);
  });

  it("a value over 10,000 characters is named at its place", () => {
    const source = withParagraph(`"${"lorem ipsum ".repeat(1000)}"`);
    expect(problems(source)).toEqual([
      `${lineOf(source, FIRST_P.slice(0, 11))}:12  expected a value of at most 10,000 characters, got 12,000`,
    ]);
  });

  it("a word over 200 characters is named at its value (a line cannot break in it)", () => {
    const source = withParagraph(`"a ${"x".repeat(5000)} b"`);
    expect(problems(source)).toEqual([
      `${lineOf(source, FIRST_P.slice(0, 11))}:12  expected words of at most 200 characters (a line cannot break inside one), got one of 5000: "xxxxxxxxxxxxxxxxxxxxxxxx…"`,
    ]);
  });

  it("a 1 MB word through the CLI: exit 1 within seconds", async () => {
    const editions = editionsWith(withParagraph(`"${"x".repeat(1_000_000)}"`));
    const r = await runCli("check-edition", ["2026-03", "--editions-dir", editions]);
    console.log(`1 MB word: exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain("expected a manifest of at most 512 KB, got 996 KB");
    expect(r.ms).toBeLessThan(10_000);
  });

  it("deeply nested block mappings: the line where nesting passes 32 levels", () => {
    let deep = "";
    for (let i = 0; i < 200; i++) deep += `${" ".repeat(i)}k${i}:\n`;
    expect(problems(deep)).toEqual(["33:33  expected at most 32 levels of nested mappings and lists, got more from here"]);
  });

  it("2,000 nested flow mappings: no stack overflow, the brace where nesting passes 32 levels", () => {
    expect(problems(`edition: ${"{a: ".repeat(2000)}1${"}".repeat(2000)}\n`)).toEqual([
      "1:134  expected at most 32 levels of nested mappings and lists, got more from here",
    ]);
  });

  it("2,000 nested flow lists: the bracket where nesting passes 32 levels", () => {
    expect(problems(`edition:\n  x: ${"[".repeat(2000)}${"]".repeat(2000)}\n`)).toEqual([
      "2:36  expected at most 32 levels of nested mappings and lists, got more from here",
    ]);
  });

  it("2,000 nested explicit keys (`? ? ? … y`): the indicator where nesting passes 32 levels, within 1 s", () => {
    const t = performance.now();
    expect(problems(`${"? ".repeat(2000)}y\n`)).toEqual([
      "1:63  expected at most 32 levels of nested mappings and lists, got more from here",
    ]);
    expect(problems(`edition:\n  - ${"? - ".repeat(1000)}y\n`)).toEqual([
      "2:63  expected at most 32 levels of nested mappings and lists, got more from here",
    ]);
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it("flow nesting after a plain scalar holding a quote is counted (the apostrophe opens no quoted scalar)", () => {
    expect(problems(`edition:\n  x: [it's, ${"[".repeat(2000)}${"]".repeat(2000)}]\n`)).toEqual([
      "2:42  expected at most 32 levels of nested mappings and lists, got more from here",
    ]);
    expect(problems(`edition: [a"b, ${"{a: ".repeat(2000)}1${"}".repeat(2000)}]\n`)).toEqual([
      "1:136  expected at most 32 levels of nested mappings and lists, got more from here",
    ]);
    // A real quoted scalar still hides its brackets.
    expect(problems(`edition:\n  x: ["${"[".repeat(100)}"]\n`).join()).not.toContain("levels");
  });

  it("a file over 512 KB is refused before it is read", () => {
    const source = `${BASE}${"# padding padding padding padding\n".repeat(20_000)}`;
    const [problem] = problems(source);
    expect(problem).toMatch(/^\d+:1 {2}expected a manifest of at most 512 KB, got 684 KB/);
  });
});

describe("odd inputs", () => {
  it.each([
    ["!include", "!include other.yaml", "the YAML tag !include"],
    ["!!js/function", "!!js/function 'function () {}'", "the YAML tag !!js/function"],
    ["!!binary", "!!binary aGVsbG8=", "the YAML tag !!binary"],
  ])("an unknown YAML tag (%s) is reported, not dropped", (_, value, said) => {
    const source = BASE.replace("    title: SecNumCloud\n", `    title: ${value}\n`);
    const line = lineOf(source, `    title: ${value}`);
    expect(problems(source)).toEqual([`${line}:12  expected a plain value, got ${said} (tags are not read: remove it)`]);
  });

  it("a literal U+FFFD in valid UTF-8 is text, not binary data", async () => {
    const editions = editionsWith(withParagraph('"A replacement character � typed on purpose."'));
    const r = await runCli("check-edition", ["2026-03", "--editions-dir", editions]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("a byte that is not UTF-8 is named with its line and column", async () => {
    const source = withParagraph('"caf\u00e9"');
    // The é saved in Latin-1 (one byte, 0xe9) in an otherwise UTF-8 file.
    const [head, tail] = source.split("caf\u00e9");
    const editions = editionsWith(Buffer.concat([Buffer.from(`${head}caf`), Buffer.from([0xe9]), Buffer.from(tail)]));
    const r = await runCli("check-edition", ["2026-03", "--editions-dir", editions]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain(
      `2026-03/en.yaml:${lineOf(source, FIRST_P.slice(0, 11))}:16  expected a YAML text file in UTF-8, got the byte 0xe9`,
    );
  });

  it("a manifest that is a symbolic link is found and checked", async () => {
    s = scratch();
    const real = path.join(s.dir, "kept-elsewhere.yaml");
    writeFileSync(real, BASE);
    const dir = path.join(s.dir, "editions", "2026-03");
    mkdirSync(dir, { recursive: true });
    symlinkSync(real, path.join(dir, "en.yaml"));
    const r = await runCli("check-edition", ["2026-03", "--editions-dir", path.join(s.dir, "editions")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it('a link [x](http://… "title") is refused, not printed as raw markdown', () => {
    const source = withParagraph('"See [the list](http://example.fr/list \\"the list\\")."');
    expect(problems(source)).toEqual([
      `${lineOf(source, FIRST_P.slice(0, 11))}:12  sections[2].blocks[0].p: expected a link starting with https://, got "http://example.fr/list"`,
    ]);
  });
});
