// The Frictionless Data Package descriptor (datapackage.json) of a set of
// tables: a tabular resource per CSV with its Table Schema, and the JSON file
// with its JSON Schema; each with its size and sha256, so a copy can be checked.
import { createHash } from "node:crypto";
import type { License } from "./data-labels.js";
import type { Field, Table } from "./table.js";

export interface DataFile {
  /** File name inside the data folder (and as attached to the PDF). */
  name: string;
  bytes: Uint8Array;
  mediatype: string;
  /** What the file holds, in the edition's language (the description of its attachment in the PDF). */
  title: string;
}

export interface PackageInfo {
  name: string;
  title: string;
  description: string;
  /** ISO date-time the data are as of (the edition's date: builds are reproducible). */
  created: string;
  licenses: License[];
  sources: { title: string; path?: string }[];
  keywords?: string[];
  contributors?: { title: string; roles: string[] }[];
  /** Extra properties kept as they are (the edition's id, language, label…). */
  extra: Record<string, unknown>;
}

const hash = (bytes: Uint8Array) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

function tableField(f: Field): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (f.required) constraints.required = true;
  if (f.enum) constraints.enum = f.enum;
  if (f.pattern) constraints.pattern = f.pattern;
  return { name: f.name, type: f.type, description: f.description, ...(Object.keys(constraints).length ? { constraints } : {}) };
}

export function tableResource(t: Table, file: DataFile): Record<string, unknown> {
  return {
    name: t.name,
    type: "table",
    path: file.name,
    title: t.title,
    description: t.description,
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    bytes: file.bytes.length,
    hash: hash(file.bytes),
    dialect: { header: true, delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true },
    schema: {
      fields: t.fields.map(tableField),
      missingValues: [""],
      ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
      ...(t.foreignKeys ? { foreignKeys: t.foreignKeys } : {}),
    },
  };
}

export function jsonResource(name: string, words: { title: string; description: string }, file: DataFile, jsonSchema: unknown) {
  return {
    name,
    path: file.name,
    title: words.title,
    description: words.description,
    format: "json",
    mediatype: "application/json",
    encoding: "utf-8",
    bytes: file.bytes.length,
    hash: hash(file.bytes),
    jsonSchema,
  };
}

export function dataPackage(info: PackageInfo, resources: Record<string, unknown>[]): Record<string, unknown> {
  return {
    $schema: "https://datapackage.org/profiles/2.0/datapackage.json",
    name: info.name,
    title: info.title,
    description: info.description,
    created: info.created,
    ...info.extra,
    licenses: info.licenses,
    sources: info.sources,
    ...(info.keywords?.length ? { keywords: info.keywords } : {}),
    ...(info.contributors ? { contributors: info.contributors } : {}),
    resources,
  };
}
