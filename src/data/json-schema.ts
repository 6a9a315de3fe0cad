// The JSON Schema of a data file (the tables as arrays of objects), derived
// from the same fields as the CSV's Table Schema. It travels in the data
// package (`jsonSchema` of the JSON resource), so a reader can check the file.
import type { Field, Table } from "./table.js";

const PATTERNS: Partial<Record<Field["type"], string>> = { date: "^\\d{4}-\\d{2}-\\d{2}$", yearmonth: "^\\d{4}-\\d{2}$" };

function fieldSchema(f: Field): Record<string, unknown> {
  const base = f.type === "integer" ? "integer" : f.type === "boolean" ? "boolean" : "string";
  const schema: Record<string, unknown> = { type: f.required ? base : [base, "null"], description: f.description };
  if (f.enum) schema.enum = f.required ? [...f.enum] : [...f.enum, null];
  const pattern = PATTERNS[f.type] ?? (f.pattern && `^${f.pattern}$`);
  if (pattern) schema.pattern = pattern;
  return schema;
}

function rowsSchema(t: Table): Record<string, unknown> {
  return {
    type: "array",
    description: t.description,
    items: {
      type: "object",
      additionalProperties: false,
      required: t.fields.map((f) => f.name),
      properties: Object.fromEntries(t.fields.map((f) => [f.name, fieldSchema(f)])),
    },
  };
}

/** The schema of `{ edition: {…}, <table>: [rows…], … }`. */
export function dataJsonSchema(tables: readonly Table[], about: Record<string, unknown>): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    additionalProperties: false,
    required: ["about", ...tables.map((t) => t.name)],
    properties: { about, ...Object.fromEntries(tables.map((t) => [t.name, rowsSchema(t)])) },
  };
}

/** The JSON file: the same rows as the CSVs, null where a value is not known. */
export function dataJson(tables: readonly Table[], about: Record<string, unknown>): Record<string, unknown> {
  return {
    about,
    ...Object.fromEntries(
      tables.map((t) => [t.name, t.rows.map((r) => Object.fromEntries(t.fields.map((f) => [f.name, r[f.name] ?? null])))]),
    ),
  };
}
