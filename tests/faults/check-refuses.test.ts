// `check` knows what the build will refuse or print wrong. Before, each of
// these passed check (exit 0) and then printed raw markup, failed the build at
// preflight, printed "January 1970" on the cover, or wrote an XMP packet that
// is not well-formed; now each is exit 1 from check, within seconds, with the
// file, line and column of the mistake, and check leaves nothing behind.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseManifest } from "../../src/manifest/load.js";
import { projectRoot } from "../../src/paths.js";
import { xmpPacket } from "../../src/pdf/xmp.js";
import { expectNothingLeft, scratch } from "../support/fault-kit.js";
import { runCli } from "../support/run-cli.js";

const FILE = "editions/2026-04/en.yaml";
const BASE = readFileSync(path.join(projectRoot, FILE), "utf8");
const PARA = '- p: "Until recently, cloud infrastructure performance';

/** The manifest with `from` replaced by `to` (which must be there). */
function edit(from: string, to: string, source = BASE): string {
  expect(source).toContain(from);
  return source.replace(from, to);
}
const lineOf = (source: string, text: string) => source.slice(0, source.indexOf(text)).split("\n").length;
const problems = (source: string) => parseManifest(source, FILE).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

let s: ReturnType<typeof scratch> | undefined;
afterEach(() => s?.done());

/** `check --json` of one edited manifest, in a scratch editions folder. */
async function check(source: string) {
  s = scratch();
  const dir = path.join(s.dir, "editions", "2026-04");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "en.yaml"), source);
  const r = await runCli("check-edition", ["2026-04", "--json", "--editions-dir", path.join(s.dir, "editions")], {
    env: { TMPDIR: s.tmp },
    limitMs: 30_000,
  });
  await expectNothingLeft(s.tmp);
  const json = JSON.parse(r.stdout) as { files: { problems: { line: number; column: number; message: string }[] }[] };
  return { ...r, problems: json.files.flatMap((f) => f.problems) };
}

const CASES: [string, string, string, RegExp][] = [
  [
    "a reference link [t][1]",
    PARA,
    `- p: "See [the report][1]. Until recently, cloud infrastructure performance`,
    /reference link "\[the report\]\[1\]"/,
  ],
  [
    "an image ![i](…)",
    PARA,
    `- p: "![logo](https://example.org/logo.png) Until recently, cloud infrastructure performance`,
    /no images in text/,
  ],
  ["unclosed emphasis **x", PARA, `- p: "**Until recently, cloud infrastructure performance`, /unclosed "\*\*"/],
  ["a code span", PARA, `- p: "Run \`npm test\`. Until recently, cloud infrastructure performance`, /no code spans .* system font/],
  ["a character no font of the edition has (U+4E91)", PARA, `- p: "云 Until recently, cloud infrastructure performance`, /U\+4E91 \(云\)/],
  [
    "a section id that is a chart title's anchor",
    "    id: glossary\n",
    "    id: status-title\n",
    /anchor of the title of the chart "status"/,
  ],
  [
    "an edition date outside its month",
    'date: "2026-04-01"',
    'date: "1970-01-01"',
    /date in the edition's month \(2026-04-01 to 2026-04-30\)/,
  ],
  [
    "a stage date after the edition (since: 9999-12-31)",
    "- { provider: Adista, offer: Adista Secure Cloud }",
    '- { provider: Adista, offer: Adista Secure Cloud, stage: J1, since: "9999-12-31" }',
    /no later than the edition's month \(2026-04-30\)/,
  ],
  [
    "a control character in the subject",
    'subject: "Monthly tracker',
    'subject: "Monthly\\u0007 tracker',
    /control characters, got U\+0007/,
  ],
  ["U+FFFE in a keyword", "keywords: [SecNumCloud,", 'keywords: ["Sec\\uFFFENumCloud",', /control characters, got U\+FFFE/],
  [
    "a control character in the publisher",
    "publisher: Cyber Task Force",
    "publisher: Cyber\u0001Task Force",
    /control characters, got U\+0001/,
  ],
];

describe("check refuses what the build would refuse", () => {
  it.each(CASES)("%s: exit 1 with its line, within 10 s", async (_name, from, to, message) => {
    const source = edit(from, to);
    const r = await check(source);
    console.log(`${_name}: check exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(10_000);
    const found = r.problems.find((p) => message.test(p.message));
    expect(found, JSON.stringify(r.problems)).toBeDefined();
    // On the edited line (the sources and since cases: on the value's line).
    const line = lineOf(source, to.trim().split("\n")[0].slice(0, 20));
    expect(found?.line).toBe(line);
  });
});

describe("generated anchors", () => {
  it("a section id equal to a source's anchor (source-<id>) is refused at the id", () => {
    const file = "editions/2025-12/fr.yaml";
    let source = readFileSync(path.join(projectRoot, file), "utf8");
    source = edit('      - title: "FAQ : avant', '      - id: anssi-faq\n        title: "FAQ : avant', source);
    source = edit("    id: editorial\n", "    id: source-anssi-faq\n", source);
    const found = parseManifest(source, file).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(found).toEqual([
      `${lineOf(source, "    id: source-anssi-faq")}:9 expected an id the page does not already use, got "source-anssi-faq", the anchor of the source "anssi-faq": choose another`,
    ]);
  });
});

describe("what stays allowed", () => {
  it("escaped markup, a lone asterisk, snake_case and closed emphasis are fine", () => {
    const source = edit(
      PARA,
      `- p: "\\\\[x\\\\](y) and \\\\*, 3 * 4, file_name, **bold** and *italic*. Until recently, cloud infrastructure performance`,
    );
    expect(problems(source)).toEqual([]);
  });

  it("the project's editions pass", () => {
    for (const file of ["editions/2025-12/fr.yaml", "editions/2026-03/en.yaml", FILE])
      expect(parseManifest(readFileSync(path.join(projectRoot, file), "utf8"), file).problems).toEqual([]);
  });
});

describe("the XMP packet", () => {
  it("stays well-formed XML whatever the metadata holds (control characters, U+FFFE, lone surrogates dropped)", () => {
    const xmp = xmpPacket({
      title: "T\u0007itle",
      author: "Cyber\u0001Task Force",
      subject: "Sub\ufffeject \ud800",
      keywords: ["a\u001fb", "c"],
      language: "en",
      date: new Date("2026-04-01T00:00:00Z"),
      creator: "x",
      producer: "y",
    } as unknown as Parameters<typeof xmpPacket>[0]);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what the XMP must not hold
    expect(xmp).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/u);
    expect(xmp).toContain("Title");
    expect(xmp).toContain("CyberTask Force");
  });
});
