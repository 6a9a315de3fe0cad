// A table of the open data: its Frictionless fields and its rows. One shape for
// the CSV, the JSON and the data package, so the three can never disagree.

/** Frictionless Table Schema field types used here. */
export type FieldType = "string" | "integer" | "boolean" | "date" | "yearmonth";

export interface Field {
  name: string;
  type: FieldType;
  description: string;
  /** Values the field may take (Table Schema `constraints.enum`). */
  enum?: readonly (string | number)[];
  /** Table Schema `constraints.pattern`, for partial dates. */
  pattern?: string;
  required?: boolean;
}

/** A cell: null when the edition does not know the value (printed empty in CSV). */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
  /** Resource name, also the CSV file's stem. */
  name: string;
  title: string;
  description: string;
  fields: Field[];
  rows: Row[];
  primaryKey?: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

/** Rows' cells in field order; a field a row lacks is null. */
export const cells = (table: Table, row: Row): Cell[] => table.fields.map((f) => row[f.name] ?? null);
