// Model -> tables -> files: the open data of one edition (written beside its
// PDF, in <id>-<lang>-data/, and attached to it) and the series across the
// editions (output/series/<lang>/). Pure: the caller writes the files.
import type { Edition } from "../manifest/edition-schema.js";
import { plainText } from "../manifest/markup.js";
import type { Language } from "../manifest/primitives.js";
import { tableCsv } from "./csv.js";
import { fill, loadDataLabels, loadLicenses } from "./data-labels.js";
import { type DataFile, dataPackage, jsonResource, type PackageInfo, tableResource } from "./data-package.js";
import { editionTables, tableWords } from "./edition-tables.js";
import { dataJson, dataJsonSchema } from "./json-schema.js";
import { seriesTables } from "./series-tables.js";
import type { Table } from "./table.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const jsonBytes = (v: unknown) => utf8(`${JSON.stringify(v, null, 2)}\n`);

/** The name of the JSON file of an edition's data; the CSVs are named after their tables. */
export const EDITION_JSON = "edition.json";
export const SERIES_JSON = "series.json";
export const DATA_PACKAGE = "datapackage.json";

function aboutSchema(about: Record<string, unknown>) {
  return {
    type: "object",
    additionalProperties: false,
    required: Object.keys(about),
    properties: Object.fromEntries(Object.entries(about).map(([k, v]) => [k, { type: typeof v === "number" ? "integer" : "string" }])),
  };
}

function packageFiles(
  tables: Table[],
  jsonName: string,
  jsonWords: { title: string; description: string },
  about: Record<string, string>,
  info: PackageInfo,
): DataFile[] {
  const csvs = tables.map((t) => ({ name: `${t.name}.csv`, bytes: utf8(tableCsv(t)), mediatype: "text/csv", title: t.title }));
  const json = { name: jsonName, bytes: jsonBytes(dataJson(tables, about)), mediatype: "application/json", title: jsonWords.title };
  const resources = [
    ...tables.map((t, i) => tableResource(t, csvs[i])),
    jsonResource(jsonName.replace(/\.json$/, ""), jsonWords, json, dataJsonSchema(tables, aboutSchema(about))),
  ];
  const descriptor = {
    name: DATA_PACKAGE,
    bytes: jsonBytes(dataPackage(info, resources)),
    mediatype: "application/json",
    title: info.title,
  };
  return [descriptor, ...csvs, json];
}

export function editionDataFiles(edition: Edition, templatesDir: string): DataFile[] {
  const e = edition.edition;
  const labels = loadDataLabels(e.language, templatesDir);
  const tables = editionTables(edition, labels);
  const about = { id: e.id, language: e.language, publication: e.publication, label: e.label, date: e.date, publisher: e.publisher };
  const sources = edition.sections.flatMap((s) =>
    s.type === "sources" ? s.items.map((i) => ({ title: plainText(i.title), ...(i.url ? { path: i.url } : {}) })) : [],
  );
  const info: PackageInfo = {
    name: `secnumcloud-observatory-${e.id}-${e.language}`,
    title: fill(labels.package.title, { publication: e.publication, label: e.label }),
    description: fill(labels.package.description, { publication: e.publication, label: e.label }),
    created: `${e.date}T00:00:00Z`,
    licenses: loadLicenses(templatesDir),
    sources,
    keywords: e.keywords,
    contributors: [{ title: e.publisher, roles: ["publisher"] }],
    extra: { edition: about },
  };
  return packageFiles(tables, EDITION_JSON, tableWords(labels, "edition"), about, info);
}

/** `editions`: one manifest per month, in any order; `language` sets the labels. */
export function seriesDataFiles(editions: readonly Edition[], language: Language, templatesDir: string): DataFile[] {
  const labels = loadDataLabels(language, templatesDir);
  const ids = editions.map((e) => e.edition.id).sort();
  const latest = editions.find((e) => e.edition.id === ids[ids.length - 1]) as Edition;
  const first = ids[0];
  const last = ids[ids.length - 1];
  const about = { language, first, last, editions: ids.join(" ") };
  const info: PackageInfo = {
    name: `secnumcloud-observatory-series-${language}`,
    title: fill(labels.package.series_title, { publication: latest.edition.publication }),
    description: fill(labels.package.series_description, { first, last }),
    created: `${latest.edition.date}T00:00:00Z`,
    licenses: loadLicenses(templatesDir),
    sources: [],
    contributors: [{ title: latest.edition.publisher, roles: ["publisher"] }],
    extra: { editions: ids },
  };
  return packageFiles(seriesTables(editions, labels), SERIES_JSON, tableWords(labels, "series"), about, info);
}
