// Finds the zod schema that applies at a path of the manifest, so messages can
// name the allowed keys or the expected kind of value. Unions are resolved the
// way the data asks: by its `type` for sections, by its keys or kind otherwise.
import type { z } from "zod";
import { orList } from "./show-value.js";

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  getter?: () => Schema;
  options?: readonly Schema[];
  discriminator?: string;
  element?: Schema;
  shape?: Record<string, Schema>;
  valueType?: Schema;
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
}

const def = (s: Schema) => s._zod.def as unknown as Def;
const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "nonoptional", "readonly", "catch"]);

/** The schema under optional(), default(), pipes and lazies. */
export function unwrap(schema: Schema): Schema {
  let s = schema;
  for (let d = def(s); ; d = def(s)) {
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = d.in;
    else if (d.type === "lazy" && d.getter) s = d.getter();
    else return s;
  }
}

function literalValues(s: Schema | undefined): readonly unknown[] {
  if (!s) return [];
  const d = def(unwrap(s));
  if (d.type === "literal") return d.values ?? [];
  if (d.type === "enum") return Object.values(d.entries ?? {});
  return [];
}

/** The option of a union that the data was meant for, if one can be told. */
export function pickOption(union: Schema, data: unknown): Schema | undefined {
  const { options = [], discriminator } = def(union);
  if (discriminator)
    return isMapping(data)
      ? options.find((o) => literalValues(def(unwrap(o)).shape?.[discriminator]).includes(data[discriminator]))
      : undefined;
  const kinds = options.map((o) => def(unwrap(o)).type);
  if (isMapping(data)) {
    // The object option that knows most of the keys written; a tie goes to the first.
    let best: Schema | undefined;
    let bestScore = 0;
    options.forEach((o, i) => {
      if (kinds[i] !== "object") return;
      const score = Object.keys(data).filter((k) => k in (def(unwrap(o)).shape ?? {})).length;
      if (score > bestScore) [best, bestScore] = [o, score];
    });
    return best;
  }
  const wanted = data === null ? ["null"] : Array.isArray(data) ? ["array"] : ["string", "enum", "literal", "number", "boolean"];
  return options.find((_, i) => wanted.includes(kinds[i]));
}

/**
 * The schema for the value at `path`, choosing union options by the data on the
 * way; `keepUnion` returns a union found at the end itself rather than an option.
 */
export function schemaAt(root: Schema, path: readonly PropertyKey[], data: unknown, keepUnion = false): Schema | undefined {
  let s: Schema | undefined = root;
  let value = data;
  for (const key of [...path, null]) {
    if (!s) return undefined;
    s = unwrap(s);
    if (key === null && keepUnion) return s;
    if (def(s).type === "union") s = pickOption(s, value);
    if (!s || key === null) return s;
    const d = def(unwrap(s));
    if (d.type === "object") s = d.shape?.[String(key)];
    else if (d.type === "array") s = d.element;
    else if (d.type === "record") s = d.valueType;
    else return undefined;
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key as string];
  }
  return s;
}

/** The keys a mapping may have at `path`, or undefined when it is not a known mapping. */
export function keysAt(root: Schema, path: readonly PropertyKey[], data: unknown): string[] | undefined {
  const s = schemaAt(root, path, data);
  const d = s && def(unwrap(s));
  return d?.type === "object" ? Object.keys(d.shape ?? {}) : undefined;
}

/** The keys of every object option of a union, for data that matches none of them. */
export function unionKeys(union: Schema): string[] {
  return [...new Set((def(unwrap(union)).options ?? []).flatMap((o) => Object.keys(def(unwrap(o)).shape ?? {})))];
}

/** What a value of this schema looks like, in an editor's words: "text", "a list". */
export function kindOf(schema: Schema | undefined): string {
  if (!schema) return "a value";
  const s = unwrap(schema);
  const d = def(s);
  switch (d.type) {
    case "string":
      return "text";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
    case "record":
      return "a mapping";
    case "null":
      return "an empty value";
    case "enum":
    case "literal":
      return `one of ${orList(literalValues(s))}`.replace(/^one of (\S+)$/, "$1");
    case "union":
      return orList([...new Set((d.options ?? []).map(kindOf))]);
    default:
      return "a value";
  }
}
