// Manifests broken below the schema (files that are not one YAML mapping) and
// the rarer schema shapes, written inline because each is a line or two.
import { describe, expect, it } from "vitest";
import { parseManifest } from "../../src/manifest/load.js";
import type { Problem } from "../../src/manifest/problem.js";

const FILE = "editions/2026-04/en.yaml";
const shown = (p: Problem) => `${p.line}:${p.column}  ${p.path ? `${p.path}: ` : ""}${p.message}`;
const problems = (source: string) => parseManifest(source, FILE).problems.map(shown);

const EDITION = `edition:
  id: "2026-04"
  language: en
  publication: SecNumCloud Observatory
  label: APRIL 2026 EDITION
  date: "2026-04-01"
  publisher: Cyber Task Force
sections:
`;

describe("files that are not one YAML mapping", () => {
  it.each([
    ["only comments", "# to do\n# later\n", '1:1  expected a mapping with "edition:" and "sections:", got a file with only comments'],
    ["a number", "42\n", '1:1  expected a mapping with "edition:" and "sections:", got the number 42'],
    ["two documents", "a: 1\n---\nb: 2\n", '2:1  expected one document in the file, got a second one after "---"'],
    ["an alias without anchor", "a: *nowhere\n", '1:4  expected an anchor "&nowhere" earlier in the file, got the alias "*nowhere" alone'],
    ["a line without colon", "edition\nsections: []\n", '1:1  expected "key: value" on this line, got "edition"'],
    ["an unclosed list", "a: [1, 2\nb: 3\n", '2:1  expected "]" to close the [ … ] above, got the next line first'],
  ])("%s", (_, source, expected) => {
    expect(problems(source)).toEqual([expected]);
  });

  it("reports every tab, and only the tabs", () => {
    expect(problems("edition:\n\tid: x\n\tlanguage: en\n")).toEqual([
      "2:1  expected spaces for indentation, got a tab",
      "3:1  expected spaces for indentation, got a tab",
    ]);
  });
});

describe("schema shapes", () => {
  it("names each unknown key of one mapping at its own line", () => {
    expect(problems(`${EDITION}  - type: cover\n    title: X\n    colour: red\n    size: 3\n`)).toEqual([
      '11:5  sections[0].colour: expected a key among type, id, contents, kicker or title, got "colour"',
      '12:5  sections[0].size: expected a key among type, id, contents, kicker or title, got "size"',
    ]);
  });

  it("suggests a key of a union of block forms", () => {
    expect(problems(`${EDITION}  - type: editorial\n    blocks:\n      - haeding: Hello\n`)).toEqual([
      '11:9  sections[0].blocks[0].haeding: expected a key among p, heading, quote or by, got "haeding"; did you mean "heading"?',
    ]);
  });

  it("points a missing list at its parent and words an empty one", () => {
    expect(
      problems("edition:\n  id: '2026-04'\n  language: en\n  publication: P\n  label: L\n  date: '2026-04-01'\n  publisher: X\n"),
    ).toEqual(['1:1  sections: expected key "sections" (a list), but it is missing']);
    expect(problems(`${EDITION.replace("sections:\n", "sections: []\n")}`)).toEqual([
      "8:11  sections: expected at least one section, got an empty list",
    ]);
  });

  it("reports a dangling source even when another section fails the schema", () => {
    const source = `${EDITION}  - type: cover
    title: 2026
  - type: providers
    title: Who
    models:
      - model: IaaS
        in_progress: [{ provider: Bleu, offer: Cloud, source: nowhere }]
`;
    expect(problems(source)).toEqual([
      '10:12  sections[0].title: expected text, got the number 2026 (put it in quotes: "2026")',
      '15:63  sections[1].models[0].in_progress[0].source: expected the id of an entry in the sources section, got "nowhere"',
    ]);
  });

  it("says an edition id must be quoted text when YAML reads a number", () => {
    expect(problems(EDITION.replace('id: "2026-04"', "id: 202604"))).toContain(
      '2:7  edition.id: expected the edition id as a quoted month, like "2026-04", got the number 202604',
    );
  });
});
