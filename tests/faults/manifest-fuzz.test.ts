// Fuzzing `check --json` with mutants of the three manifests: random line
// edits, truncation, type flips, odd Unicode, CRLF and lone CRs, deep nesting
// of every YAML kind, injection in every text field. Every mutant must end as
// exit 0 or 1 (never an exception: exit 70), with JSON that parses, and every
// problem located inside the file it names (line and column within its text).
//
// In-process (what `check --json` runs: checkFile, checkAcrossEditions,
// checksAsJson), with a fixed seed; a few mutants also go through the real
// command. FUZZ_MUTANTS=20000 (and FUZZ_SEED=n) for a longer run.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAcrossEditions } from "../../src/checks/check-across.js";
import { checkFile } from "../../src/checks/check-editions.js";
import { checksAsJson } from "../../src/cli/check-edition.js";
import type { Language } from "../../src/manifest/primitives.js";
import { projectRoot } from "../../src/paths.js";
import { scratch } from "../support/fault-kit.js";
import { runCli } from "../support/run-cli.js";

const COUNT = Number(process.env.FUZZ_MUTANTS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20260421);
const MANIFESTS = ["2025-12/fr.yaml", "2026-03/en.yaml", "2026-04/en.yaml"];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

const ODD = [
  "\u0000",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u00ad",
  "\u200b",
  "\u200d",
  "\u202e",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udfff",
  "\u0301",
  "\u4e91",
  "😀",
  "\r",
  "\t",
  "\v",
  "\f",
];
const FLIPS = [
  "123",
  "-0",
  "1e999",
  ".nan",
  "0x1F",
  "true",
  "null",
  "~",
  "[]",
  "{}",
  '""',
  "''",
  "[1, 2]",
  "{a: 1}",
  "2026-04-01",
  "!!binary aGVsbG8=",
];
const INJECTIONS = [
  "<script>alert(1)</script>",
  "</style><img src=x onerror=alert(1)>",
  "{{constructor.constructor}}",
  "{{> layout}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: an injection attempt, typed as an editor would
  "${process.exit()}",
  "[x](javascript:alert(1))",
  "[x](http://example.org)",
  "![i](https://example.org/i.png)",
  "[t][1]",
  "**x",
  "`code`",
  "\\",
  "&a [*a, *a]",
  "*undefined_alias",
  "!include /etc/passwd",
  "!!js/function 'return 1'",
  "<<: *a",
  "__proto__",
  '"unterminated',
  "'",
  '"\\u0000"',
  "x: y: z",
  "- a\n- b",
  "| \n  block",
  "> \n  folded",
  "# comment",
  "%YAML 1.1",
  "---\nedition: x",
  "...",
  "@x",
  "`x",
  "?",
  ":",
  "-",
  "https://",
  `"${"lorem ".repeat(3000)}"`,
  "a".repeat(400),
  "source-anssi",
  "9999-12-31",
  "1970-01-01",
];

/** Deep nesting of each YAML kind, `n` levels. */
function nested(kind: number, n: number): string {
  switch (kind) {
    case 0:
      return `${"[".repeat(n)}1${"]".repeat(n)}`;
    case 1:
      return `${"{a: ".repeat(n)}1${"}".repeat(n)}`;
    case 2:
      return `\n${Array.from({ length: n }, (_, i) => `${"  ".repeat(i + 1)}k${i}:`).join("\n")} x`;
    case 3:
      return `\n${Array.from({ length: n }, (_, i) => `${"  ".repeat(i + 1)}-`).join("\n")} x`;
    case 4:
      return `${"- ".repeat(n)}x`;
    case 5:
      return `${"? ".repeat(n)}y`;
    case 6:
      return `[it's, ${"[".repeat(n)}${"]".repeat(n)}]`;
    case 7:
      return `&a [${Array.from({ length: Math.min(n, 60) }, () => "*a").join(", ")}]`;
    default:
      return `"${'\\"['.repeat(n)}"`;
  }
}

function lineEdit(text: string, r: Rng): string {
  const lines = text.split("\n");
  const i = r.int(lines.length);
  switch (r.int(6)) {
    case 0:
      lines.splice(i, 1);
      break;
    case 1:
      lines.splice(i, 0, lines[r.int(lines.length)]);
      break;
    case 2: {
      const j = r.int(lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      break;
    }
    case 3:
      lines[i] = " ".repeat(r.int(5)) + lines[i].trimStart();
      break;
    case 4: {
      const at = r.int(lines[i].length + 1);
      lines[i] =
        lines[i].slice(0, at) +
        r.pick(["\t", ":", "- ", "#", "'", '"', "[", "{", "&", "*", "!", "|", ">", "%", "@", "`"]) +
        lines[i].slice(at);
      break;
    }
    default:
      lines[i] = lines[i].slice(0, r.int(lines[i].length + 1));
  }
  return lines.join("\n");
}

/** A random `key: value` line's value replaced. */
function replaceValue(text: string, r: Rng, value: () => string): string {
  const lines = text.split("\n");
  const candidates = lines.flatMap((l, i) => (/^\s*(- )?[A-Za-z_]+: \S/.test(l) ? [i] : []));
  if (!candidates.length) return text;
  const i = r.pick(candidates);
  lines[i] = lines[i].replace(/^(\s*(?:- )?[A-Za-z_]+: ).*$/, (_, key) => key + value());
  return lines.join("\n");
}

function mutate(text: string, r: Rng): { kind: string; text: string } {
  switch (r.int(8)) {
    case 0: {
      let t = text;
      for (let k = 1 + r.int(4); k > 0; k--) t = lineEdit(t, r);
      return { kind: "line edits", text: t };
    }
    case 1:
      return { kind: "truncation", text: text.slice(0, r.int(text.length)) };
    case 2:
      return { kind: "type flip", text: replaceValue(text, r, () => r.pick(FLIPS)) };
    case 3: {
      const at = r.int(text.length);
      return { kind: "odd Unicode", text: text.slice(0, at) + r.pick(ODD) + text.slice(at) };
    }
    case 4:
      return {
        kind: "line endings",
        text: r.next() < 0.5 ? text.replace(/\n/g, "\r\n") : text.replace(/\n/g, r.pick(["\r", "\u2028", "\r\n\r"])),
      };
    case 5: {
      const n = r.pick([5, 31, 33, 200, 2000]);
      return { kind: "deep nesting", text: replaceValue(text, r, () => nested(r.int(9), n)) };
    }
    case 6: {
      const payload = r.pick(INJECTIONS);
      // Quoted, plain or as a block: the value of any field, text or not.
      const form = r.int(3);
      const value = () => (form === 0 ? JSON.stringify(payload) : form === 1 ? payload : `|\n  ${payload.replace(/\n/g, "\n  ")}`);
      return { kind: "injection", text: replaceValue(text, r, value) };
    }
    default: {
      // Several at once.
      let t = text;
      for (let k = 0; k < 3; k++) t = mutate(t, r).text;
      return { kind: "combined", text: t };
    }
  }
}

/** Lines as YAML reads them (CRLF, CR and LF end a line). */
const linesOf = (text: string) => text.split(/\r\n|\r|\n/);

interface JsonProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

let s: ReturnType<typeof scratch>;
let editions: string;
beforeAll(() => {
  s = scratch("fuzz-");
  editions = path.join(s.dir, "editions");
  for (const m of MANIFESTS) {
    mkdirSync(path.join(editions, path.dirname(m)), { recursive: true });
    copyFileSync(path.join(projectRoot, "editions", m), path.join(editions, m));
  }
});
afterAll(() => s?.done());

/** `check FILE --json`, in process: the result object, or the exception the command would have ended in 70 with. */
async function checkJson(relative: string) {
  const file = path.join(editions, relative);
  const check = await checkFile({ edition: path.dirname(relative), language: path.basename(relative, ".yaml") as Language, file });
  await checkAcrossEditions([check], editions);
  const json = JSON.parse(JSON.stringify(checksAsJson([check]))) as { files: { problems: JsonProblem[] }[] };
  return { exit: check.problems.length ? 1 : 0, problems: json.files.flatMap((f) => f.problems) };
}

describe("check --json on mutants of the three manifests", () => {
  it(`${COUNT} mutants (seed ${SEED}): exit 0 or 1, JSON, every problem inside its file`, async () => {
    const r = rng(SEED);
    const originals = new Map(MANIFESTS.map((m) => [m, readFileSync(path.join(projectRoot, "editions", m), "utf8")]));
    const failures: string[] = [];
    const kinds = new Map<string, number>();
    const exits = [0, 0];
    const start = performance.now();
    let slowest = 0;
    for (let n = 0; n < COUNT && failures.length < 10; n++) {
      const target = r.pick(MANIFESTS);
      const { kind, text } = mutate(originals.get(target) as string, r);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const file = path.join(editions, target);
      writeFileSync(file, text);
      const t = performance.now();
      try {
        const { exit, problems } = await checkJson(target);
        exits[exit]++;
        for (const p of problems) {
          const own = path.resolve(p.file) === file || p.file.endsWith(target);
          const source = own ? text : originals.get(MANIFESTS.find((m) => p.file.endsWith(m)) ?? "");
          const lines = source === undefined ? undefined : linesOf(source);
          const inside = lines && p.line >= 1 && p.line <= lines.length && p.column >= 1 && p.column <= lines[p.line - 1].length + 1;
          if (!inside)
            failures.push(
              `#${n} ${kind} ${target}: problem outside the file at ${p.file}:${p.line}:${p.column}: ${p.message.slice(0, 100)}`,
            );
        }
      } catch (err) {
        failures.push(`#${n} ${kind} ${target}: exception (exit 70): ${(err as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
        console.log(`mutant #${n}: ${JSON.stringify(text.slice(0, 400))}`);
      }
      slowest = Math.max(slowest, performance.now() - t);
      writeFileSync(file, originals.get(target) as string);
    }
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(
      `fuzz: ${COUNT} mutants, seed ${SEED}, in ${seconds} s (slowest ${Math.round(slowest)} ms); exit 0: ${exits[0]}, exit 1: ${exits[1]}; ` +
        [...kinds].map(([k, v]) => `${k} ${v}`).join(", "),
    );
    expect(failures).toEqual([]);
    expect(exits[1]).toBeGreaterThan(COUNT / 3);
  }, 600_000);

  it("through the real command: a few mutants end 0 or 1 with JSON on stdout", async () => {
    const r = rng(SEED + 1);
    const target = "2026-04/en.yaml";
    const original = readFileSync(path.join(projectRoot, "editions", target), "utf8");
    for (let n = 0; n < 4; n++) {
      const { text } = mutate(original, r);
      writeFileSync(path.join(editions, target), text);
      const res = await runCli("check-edition", [path.join(editions, target), "--json"], { env: { TMPDIR: s.tmp }, limitMs: 30_000 });
      expect([0, 1]).toContain(res.code);
      expect(() => JSON.parse(res.stdout)).not.toThrow();
    }
    writeFileSync(path.join(editions, target), original);
  }, 120_000);
});
