// What check:edition says of a manifest that parses but would not build, or
// builds but deserves a second look: a whats-new section comparing with an
// edition that does not exist, quotes typesetting cannot settle (problems, as
// the build refuses them), and the editors' warnings. Real manifests, written
// to a copy of the editions folder; the CLI once, as editors run it.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAcrossEditions } from "../../src/checks/check-across.js";
import { checkEditions } from "../../src/checks/check-editions.js";
import { projectPaths } from "../../src/paths.js";
import { runCli } from "../support/run-cli.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "observatory-check-"));
const editions = path.join(dir, "editions");
cpSync(projectPaths.editions, editions, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const april = readFileSync(path.join(editions, "2026-04", "en.yaml"), "utf8");
const BLEU = "- { provider: Bleu, offer: Cloud de Confiance Bleu }";

/** April moved on to `id`, with edits; written to editions/<id>/en.yaml. */
function month(id: string, edit: (s: string) => string): string {
  const file = path.join(editions, id, "en.yaml");
  mkdirSync(path.dirname(file), { recursive: true });
  const source = edit(april.replace('id: "2026-04"', `id: "${id}"`).replace('date: "2026-04-01"', `date: "${id}-01"`));
  writeFileSync(file, source);
  return file;
}

async function check(id: string) {
  const results = await checkEditions({ edition: id, editionsDir: editions });
  await checkAcrossEditions(results, editions);
  return results[0];
}

const lineOf = (file: string, text: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(text)) + 1;

describe("problems check:edition shares with the build", () => {
  it("a whats-new section whose since: names no earlier edition, at its line", async () => {
    const file = month("2026-05", (s) => `${s}\n  - type: whats-new\n    title: What's new\n    since: "2026-02"\n`);
    const result = await check("2026-05");
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: lineOf(file, 'since: "2026-02"'),
        path: expect.stringMatching(/^sections\[\d+\]\.since$/),
        message: 'expected an edition before 2026-05 to compare with (one of 2025-12, 2026-03, 2026-04), got "2026-02"',
      }),
    ]);
    const cli = await runCli("check-edition", ["2026-05", "--editions-dir", editions, "--no-color"], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`editions/2026-05/en.yaml:${lineOf(file, 'since: "2026-02"')}:12`);
    rmSync(path.dirname(file), { recursive: true });
  });

  it("a quote typesetting cannot settle, and not the apostrophes it can", async () => {
    const file = month("2026-05", (s) =>
      s.replace("title: The candidates", `title: "Organizations' expectations since the '90s: rock 'n roll"`),
    );
    const result = await check("2026-05");
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      line: lineOf(file, "rock 'n roll"),
      message: expect.stringContaining("a straight apostrophe (') that typesetting cannot settle in «he ’90s: rock 'n roll»"),
    });
    rmSync(path.dirname(file), { recursive: true });
  });
});

describe("warnings for the editor", () => {
  // A date in a month after the edition is no longer a warning but a problem (issue 21: tests/faults/check-refuses.test.ts).
  it("a stage that moves back, an uncited source, a source dated otherwise", async () => {
    const sources = (items: string) => `\n  - type: sources\n    title: Sources\n    items:\n${items}`;
    month("2026-05", (s) => s.replace(BLEU, `- { provider: Bleu, offer: Cloud de Confiance Bleu, stage: J2, since: "2026-05-04" }`));
    const file = month(
      "2026-06",
      (s) =>
        s.replace(BLEU, `- { provider: Bleu, offer: Cloud de Confiance Bleu, stage: J1, since: "2026-06-28", source: bleu }`) +
        sources(
          '      - { id: bleu, title: "Bleu: J1", date: "2026-05-20" }\n      - { id: spare, title: "Kept for the record", date: "2026-06-01" }\n',
        ),
    );
    const result = await check("2026-06");
    expect(result.problems).toEqual([]);
    const bleu = lineOf(file, 'since: "2026-06-28"');
    const messages = (result.warnings ?? []).map((w) => `${w.line} ${w.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        `${bleu} the source "bleu" is dated 2026-05-20, the stage since 2026-06-28: is it the source of this stage?`,
        `${bleu} Bleu (IaaS) was at J2 in 2026-05, J1 here in 2026-06: a stage that moves back; check its source`,
        `${lineOf(file, "id: spare")} the source "spare" is cited by no row or section; keep it only for the record`,
      ]),
    );
    expect(messages).toHaveLength(3);
    const cli = await runCli("check-edition", ["2026-06", "--editions-dir", editions, "--no-color"], { cwd: dir });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain("1 file checked, no problems; 3 warnings");
    expect(cli.stdout).toMatch(/warning editions\/2026-06\/en\.yaml:\d+:\d+ {2}sections/);
  });

  it("none for the project's own editions", async () => {
    const results = await checkEditions({ all: true, editionsDir: projectPaths.editions });
    await checkAcrossEditions(results, projectPaths.editions);
    expect(results.flatMap((r) => [...r.problems, ...(r.warnings ?? [])])).toEqual([]);
  });
});
