// Turns a zod issue into "expected …, got …" wording an editor can act on.
import type { z } from "zod";

type Issue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "an empty value";
  if (typeof v === "string") return `"${v.length > 60 ? `${v.slice(0, 60)}…` : v}"`;
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${String(v)}`;
}

function orList(values: readonly unknown[]): string {
  const shown = values.map((v) => String(v));
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

export function describeIssue(issue: Issue, data: unknown): { path: PropertyKey[]; message: string } {
  const path = [...issue.path];
  const found = valueAt(data, path);
  switch (issue.code) {
    case "invalid_value":
      return { path, message: `expected ${orList(issue.values)}, got ${show(found)}` };
    case "invalid_type": {
      if (found === undefined)
        return { path, message: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, but this required key is missing` };
      return { path, message: `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${show(found)}` };
    }
    case "unrecognized_keys": {
      const key = issue.keys[0];
      const extra =
        issue.keys.length > 1
          ? ` (and ${issue.keys
              .slice(1)
              .map((k) => `"${k}"`)
              .join(", ")})`
          : "";
      return { path: [...path, key], message: `unknown key "${key}"${extra}: check its spelling or remove it` };
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const options = (issue as unknown as { options?: unknown[] }).options ?? [];
        return { path, message: `expected a section type among ${orList(options)}, got ${show(found)}` };
      }
      const deepest = issue.errors.flat().sort((a, b) => b.path.length - a.path.length)[0];
      if (deepest && deepest.path.length > 0) {
        const inner = describeIssue({ ...deepest, path: [...path, ...deepest.path] } as Issue, data);
        return inner;
      }
      return {
        path,
        message: `expected ${issue.message.replace(/^Invalid input:?\s*/i, "") || "another form of value"}, got ${show(found)}`,
      };
    }
    case "too_small":
      if (issue.origin === "array")
        return {
          path,
          message: issue.message.startsWith("expected")
            ? issue.message
            : `expected at least ${issue.minimum} item(s), got ${Array.isArray(found) ? found.length : 0}`,
        };
      return { path, message: issue.message.startsWith("expected") ? issue.message : `expected a longer value, got ${show(found)}` };
    default:
      return {
        path,
        message:
          issue.message.startsWith("expected") || issue.message.startsWith("unknown")
            ? issue.message
            : `${issue.message}, got ${show(found)}`,
      };
  }
}
