// How problems read on a terminal: the headline, the code frame, colours only
// when asked for, paths relative to where the command runs, and the summary.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FileCheck } from "../../src/checks/check-editions.js";
import { formatProblem, formatReport, styleFor } from "../../src/cli/report-problems.js";
import { parseManifest } from "../../src/manifest/load.js";

const cwd = "/work/project";
const plain = { color: false, cwd };
const file = path.join(cwd, "editions", "2026-04", "en.yaml");
const source = 'edition:\n  id: "2026-04"\n  language: en\n  date: "2026-04-31"\n  publisher: X\n';
const problem = { file, line: 4, column: 9, path: "edition.date", message: 'expected a real calendar date, got "2026-04-31"' };

describe("problem report", () => {
  it("prints file:line:column, the path, the message and the lines around it", () => {
    expect(formatProblem(problem, source, plain)).toBe(
      [
        'editions/2026-04/en.yaml:4:9  edition.date: expected a real calendar date, got "2026-04-31"',
        '  2 |   id: "2026-04"',
        "  3 |   language: en",
        '> 4 |   date: "2026-04-31"',
        "    |         ^",
        "  5 |   publisher: X",
      ].join("\n"),
    );
  });

  it("colours only for a terminal without NO_COLOR", () => {
    expect(formatProblem(problem, source, { color: true, cwd })).toContain("\u001b[");
    expect(styleFor({ isTTY: true }, {}).color).toBe(true);
    expect(styleFor({ isTTY: true }, { NO_COLOR: "1" }).color).toBe(false);
    expect(styleFor({ isTTY: false }, {}).color).toBe(false);
  });

  it("has no frame for an empty file", () => {
    const empty = { ...problem, line: 1, column: 1, path: "", message: "expected …, got an empty file" };
    expect(formatProblem(empty, "", plain)).toBe("editions/2026-04/en.yaml:1:1  expected …, got an empty file");
  });

  it("lists valid files, then the problems, then a summary", () => {
    const valid = path.join(cwd, "editions", "2026-04", "fr.yaml");
    const check = (f: string, text: string): FileCheck => {
      const { edition, problems } = parseManifest(text, f);
      return { file: f, edition: "2026-04", language: "en", source: text, problems, parsed: edition };
    };
    const good = check(
      valid,
      'edition: { id: "2026-04", language: fr, publication: P, label: AVRIL 2026, date: "2026-04-01", publisher: X }\nsections: [{ type: cover, title: T }]\n',
    );
    const bad = check(file, source);
    const report = formatReport([good, bad], plain);
    expect(report.startsWith("✓ editions/2026-04/fr.yaml  (AVRIL 2026, 1 section)\n\neditions/2026-04/en.yaml:")).toBe(true);
    expect(report.endsWith("\n\n4 problems in 1 file (2 files checked)\n")).toBe(true);
    expect(formatReport([good], plain)).toBe("✓ editions/2026-04/fr.yaml  (AVRIL 2026, 1 section)\n\n1 file checked, no problems\n");
  });
});
