// .vscode/tasks.json runs `check` on the open file and reads its problems with
// a problem matcher: its pattern must find each problem of the real output,
// with the right place, and nothing in the code frames around them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { observatory } from "../support/observatory.js";

const tasks = JSON.parse(readFileSync(path.join(projectRoot, ".vscode", "tasks.json"), "utf8"));
const task = tasks.tasks.find((t: { label: string }) => t.label === "observatory: check this manifest");

describe("the editor's check task", () => {
  it("runs the check command on the open file, and its problem matcher finds every problem", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${file} is the VS Code task variable, not a template
    expect(task.args.slice(1)).toEqual(["check", "${file}", "--no-color"]);
    const { regexp, file, line, column, message } = task.problemMatcher.pattern;
    const fixture = path.join(projectRoot, "tests", "fixtures", "invalid", "three-problems.yaml");
    const r = observatory(["check", fixture, "--no-color", "--json"]);
    const expected = JSON.parse(r.stdout).files[0].problems as { line: number; column: number; message: string; path: string }[];
    expect(expected.length).toBe(3);
    const text = observatory(["check", fixture, "--no-color"]).stdout;
    const found = text
      .split("\n")
      .map((l) => new RegExp(regexp).exec(l))
      .filter((m) => m !== null)
      .map((m) => ({ file: m[file], line: Number(m[line]), column: Number(m[column]), message: m[message] }));
    expect(found).toEqual(
      expected.map((p) => ({
        file: "tests/fixtures/invalid/three-problems.yaml",
        line: p.line,
        column: p.column,
        message: `${p.path ? `${p.path}: ` : ""}${p.message}`,
      })),
    );
  });

  it("recommends the YAML extension that reads the schema", () => {
    const extensions = JSON.parse(readFileSync(path.join(projectRoot, ".vscode", "extensions.json"), "utf8"));
    expect(extensions.recommendations).toContain("redhat.vscode-yaml");
  });
});
