// A table as CSV: RFC 4180 (CRLF line ends, fields quoted when they hold a
// comma, quote or line break, quotes doubled), UTF-8 without a byte order mark,
// one header row. An unknown value is an empty field; booleans are true/false.
import { stringify } from "csv-stringify/sync";
import { type Cell, cells, type Table } from "./table.js";

const show = (v: Cell): string => (v === null ? "" : typeof v === "boolean" ? (v ? "true" : "false") : String(v));

export function tableCsv(table: Table): string {
  const records = [table.fields.map((f) => f.name), ...table.rows.map((r) => cells(table, r).map(show))];
  return stringify(records, { record_delimiter: "\r\n" });
}
