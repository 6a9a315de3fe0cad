// Every broken fixture, with the one problem it must produce: line, column,
// path and wording, exactly as an editor reads them.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseManifest } from "../../src/manifest/load.js";
import type { Problem } from "../../src/manifest/problem.js";

const dir = path.join("tests", "fixtures", "invalid");

const shown = (p: Problem) => `${p.line}:${p.column}  ${p.path ? `${p.path}: ` : ""}${p.message}`;
const check = (name: string) => parseManifest(readFileSync(path.join(dir, name), "utf8"), path.join(dir, name));

// fixture (under tests/fixtures/invalid/) -> the only problem expected, as `line:column  path: message`
const EXPECTED: [string, string][] = [
  ["2026-04/fr.yaml", '4:13  edition.language: expected "fr" to match the file name fr.yaml, got "en"'],
  ["2026-05/en.yaml", '3:7  edition.id: expected "2026-05" to match the folder name 2026-05/, got "2026-04"'],
  [
    "bad-indentation.yaml",
    '12:4  expected this line to line up with the keys of the list item above (or to start a new item with "- "), got it indented by 3 spaces',
  ],
  [
    "chart-unknown-provider.yaml",
    '36:17  sections[4].highlight[0]: expected a provider of the providers table (bleu, cloud-temple, s3ns), got "ovhcloud"',
  ],
  [
    "colon-in-value.yaml",
    '23:12  expected quotes around a text that contains ": ", like "Who is it: the applicants", got it without quotes',
  ],
  ["duplicate-key.yaml", '9:3  expected each key once in a mapping, got "label" a second time'],
  [
    "duplicate-row.yaml",
    '28:13  sections[3].models[0].in_progress[1]: expected each provider and offer once in a list, got "Bleu / Bleu Cloud" a second time',
  ],
  [
    "duplicate-section-id.yaml",
    '38:9  sections[5].id: expected each section id once, got "editorial" a second time (first used by sections[2])',
  ],
  [
    "section-id-like-sub-heading.yaml",
    '38:9  sections[5].id: expected an id that does not end in a dash and a number (those name sub-headings), got "editorial-2"',
  ],
  ["empty-file.yaml", '1:1  expected a mapping with "edition:" and "sections:", got an empty file'],
  ["empty-paragraph.yaml", "20:12  sections[2].blocks[2].p: expected some text, got an empty value"],
  ["http-url.yaml", '44:14  sections[5].items[0].url: expected a web address starting with https://, got "http://www.bleu.fr/news"'],
  ["impossible-date.yaml", '27:68  sections[3].models[0].in_progress[0].since: expected a real calendar date, got "2026-02-30"'],
  ["malformed-edition-id.yaml", '3:7  edition.id: expected the edition id as a month, like "2026-04", got "2026-4"'],
  ["markdown-link-http.yaml", '18:12  sections[2].blocks[0].p: expected a link starting with https://, got "http://cyber.gouv.fr"'],
  ["missing-edition-block.yaml", '2:1  edition: expected key "edition" (a mapping), but it is missing'],
  ["missing-edition-id.yaml", '3:3  edition.id: expected key "id" (text), but it is missing'],
  ["missing-required-field.yaml", '21:5  sections[3].title: expected key "title" (text), but it is missing'],
  [
    "missing-section-type.yaml",
    '13:5  sections[1].type: expected key "type" (one of cover, contents, editorial, whats-new, explainer, criteria, procedure, providers, chart, paas-zoom, glossary, links, sources or back-cover), but it is missing',
  ],
  [
    "misspelt-section-type.yaml",
    '14:11  sections[2].type: expected a section type among cover, contents, editorial, whats-new, explainer, criteria, procedure, providers, chart, paas-zoom, glossary, links, sources or back-cover, got "editorail"; did you mean "editorial"?',
  ],
  ["not-yaml-binary.yaml", "1:1  expected a YAML text file, got binary data (is this the right file?)"],
  [
    "not-yaml-sentence.yaml",
    '1:1  expected a mapping with "edition:" and "sections:", got the text "Please print the April edition with the new chart on page 5."',
  ],
  [
    "raw-html.yaml",
    '20:12  sections[2].blocks[2].p: expected text without HTML tags (use **bold**, *italic* or [text](https://…)), got "<b>"',
  ],
  ["service-model-case.yaml", '30:16  sections[3].models[1].model: expected IaaS, CaaS, PaaS or SaaS, got "paas"; did you mean "PaaS"?'],
  [
    "source-about-unknown.yaml",
    '45:16  sections[5].items[0].about: expected a provider of the providers table (bleu, cloud-temple, s3ns), got "blue"; did you mean "bleu"?',
  ],
  ["stage-j5.yaml", '32:55  sections[3].models[1].in_progress[0].stage: expected J0, J1, J2 or J3, got "J5"'],
  ["tab-indentation.yaml", "11:1  expected spaces for indentation, got a tab"],
  ["top-level-list.yaml", '2:1  expected a mapping with "edition:" and "sections:", got a list'],
  [
    "unknown-edition-key.yaml",
    '9:3  edition.colour: expected a key among id, language, publication, label, date, publisher, title, subject or keywords, got "colour"',
  ],
  [
    "unknown-key.yaml",
    '16:5  sections[2].titel: expected a key among type, id, contents, kicker, title, lead, author, blocks, closing or signature, got "titel"; did you mean "title"?',
  ],
  [
    "unknown-row-source.yaml",
    '32:67  sections[3].models[1].in_progress[0].source: expected the id of an entry in the sources section (bleu-j1, s3ns-j2), got "s3ns-j3"; did you mean "s3ns-j2"?',
  ],
  ["wrong-type-number.yaml", '12:12  sections[0].title: expected text, got the number 2026 (put it in quotes: "2026")'],
  ["yaml-syntax-error.yaml", '16:12  expected a closing " for this quoted text, got the end of the file'],
];

function fixtures(folder = dir): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? fixtures(full) : [path.relative(dir, full).split(path.sep).join("/")];
  });
}

describe("invalid manifests", () => {
  it.each(EXPECTED)("%s", (name, expected) => {
    const { edition, problems } = check(name);
    expect(edition).toBeUndefined();
    expect(problems.map(shown)).toEqual([expected]);
    expect(problems[0].file).toBe(path.join(dir, name));
  });

  it("has an expectation for every fixture file", () => {
    const listed = new Set([...EXPECTED.map(([name]) => name), "three-problems.yaml"]);
    expect(fixtures().filter((f) => !listed.has(f))).toEqual([]);
  });

  it('words every message as "expected …, got …" or "…, but it is missing"', () => {
    for (const [, expected] of EXPECTED) expect(expected).toMatch(/ {2}(\S+: )?expected .+, (got .+|but it is missing)$/);
  });

  it("reports three unrelated problems of one file together, in line order", () => {
    const { problems } = check("three-problems.yaml");
    expect(problems.map(shown)).toEqual([
      '9:3  edition.colour: expected a key among id, language, publication, label, date, publisher, title, subject or keywords, got "colour"',
      '33:55  sections[3].models[1].in_progress[0].stage: expected J0, J1, J2 or J3, got "J5"',
      '46:16  sections[5].items[0].about: expected a provider of the providers table (bleu, cloud-temple, s3ns), got "blue"; did you mean "bleu"?',
    ]);
  });

  it("accepts the valid base every fixture is a copy of", () => {
    const file = path.join("tests", "fixtures", "valid", "2026-04", "en.yaml");
    const { edition, problems } = parseManifest(readFileSync(file, "utf8"), file);
    expect(problems).toEqual([]);
    expect(edition?.sections).toHaveLength(7);
  });
});
