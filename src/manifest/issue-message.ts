// Turns a zod issue into "expected …, got …" wording an editor can act on, and
// says where to point: the value, the key itself (unknown keys) or the mapping
// that lacks a key (missing keys).
import type { z } from "zod";
import { didYouMean } from "./did-you-mean.js";
import { keysAt, kindOf, pickOption, schemaAt, unionKeys } from "./schema-walk.js";
import { count, orList, showValue } from "./show-value.js";

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;

export interface DescribedIssue {
  path: PropertyKey[];
  message: string;
  /** Where the line:column points. */
  anchor: "value" | "key" | "parent";
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

function unknownKey(path: PropertyKey[], key: string, allowed: readonly string[], present: readonly string[]): DescribedIssue {
  // Suggest a key the mapping does not have yet: "titel" next to "title" is a duplicate, not a typo.
  const free = allowed.filter((k) => !present.includes(k));
  const guess = didYouMean(key, free.length ? free : allowed);
  const among = allowed.length ? `a key among ${orList(allowed)}` : "no other key here";
  return { path: [...path, key], message: `expected ${among}, got "${key}"${guess}`, anchor: "key" };
}

/** One zod issue as one or more located messages (several unknown keys, several issues inside a union). */
export function describeIssue(issue: Issue, data: unknown, schema: Schema): DescribedIssue[] {
  // A schema written later may forget the "got" half; finish its message rather than print half of one.
  const found = valueAt(data, issue.path);
  return wordIssue(issue, data, schema).map((d) =>
    /, (got|but) /.test(d.message) ? d : { ...d, message: `${d.message}, got ${showValue(valueAt(data, d.path) ?? found)}` },
  );
}

function wordIssue(issue: Issue, data: unknown, schema: Schema): DescribedIssue[] {
  const path = [...issue.path];
  const found = valueAt(data, path);
  const parent = valueAt(data, path.slice(0, -1));
  const key = path[path.length - 1];
  const one = (message: string): DescribedIssue[] => [{ path, message, anchor: "value" }];

  if (found === undefined && typeof key === "string" && isMapping(parent) && !(key in parent)) {
    const kind =
      issue.code === "invalid_union" && "options" in issue
        ? `one of ${orList(issue.options as unknown[])}`
        : kindOf(schemaAt(schema, path, data));
    return [{ path, message: `expected key "${key}" (${kind}), but it is missing`, anchor: "parent" }];
  }

  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = keysAt(schema, path, data) ?? [];
      const present = isMapping(found) ? Object.keys(found) : [];
      return issue.keys.map((k) => unknownKey(path, k, allowed, present));
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        return one(`expected a section type among ${orList(options)}, got ${showValue(found)}${didYouMean(found, options)}`);
      }
      const union = schemaAt(schema, path, data, true);
      const chosen = union ? pickOption(union, found) : undefined;
      const options = union ? (union._zod.def as unknown as { options: Schema[] }).options : [];
      const index = chosen ? options.indexOf(chosen) : -1;
      if (index >= 0 && issue.errors[index]?.length)
        return issue.errors[index].flatMap((inner) => wordIssue({ ...inner, path: [...path, ...inner.path] } as Issue, data, schema));
      if (isMapping(found) && union) {
        const allowed = unionKeys(union);
        const extra = Object.keys(found).filter((k) => !allowed.includes(k));
        if (extra.length) return extra.map((k) => unknownKey(path, k, allowed, Object.keys(found)));
      }
      return one(`expected ${kindOf(union)}, got ${showValue(found)}`);
    }
    case "invalid_value": {
      const values = issue.values.map(String);
      return one(`expected ${orList(values)}, got ${showValue(found)}${didYouMean(found, values)}`);
    }
    case "invalid_type": {
      if (issue.message.startsWith("expected")) return one(issue.message);
      const quoteHint = issue.expected === "string" && (typeof found === "number" || typeof found === "boolean");
      return one(
        `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${showValue(found)}${quoteHint ? ` (put it in quotes: "${found}")` : ""}`,
      );
    }
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const unit = issue.origin === "array" ? "item" : issue.origin === "string" ? "character" : "";
      const bound = Number(small ? issue.minimum : issue.maximum);
      const base = issue.message.startsWith("expected")
        ? issue.message
        : `expected ${small ? "at least" : "at most"} ${unit ? count(bound, unit) : bound}`;
      if (base.includes(", got ")) return one(base);
      return one(`${base}, got ${Array.isArray(found) && found.length ? count(found.length, "item") : showValue(found)}`);
    }
    default:
      if (issue.message.startsWith("expected")) return one(issue.message);
      return one(`expected ${issue.message.replace(/^Invalid (input|value):?\s*/i, "") || "another value"}, got ${showValue(found)}`);
  }
}
