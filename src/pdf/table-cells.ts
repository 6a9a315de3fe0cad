// Table rows as wide as the table (PDF/UA-1 7.2-42/43, Matterhorn 15): Chromium
// leaves an empty cell (the providers table's blank corner, <td class="blank">)
// out of the tag tree, so its row spans fewer columns than the others. The
// row gets the missing cells back as empty elements, where the corner was:
// first. In a row of headers they are TH with a column scope, else TD.
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, PDFRef } from "pdf-lib";
import { kids, name, structElems } from "./structure-tree.js";

const elem = (doc: PDFDocument, k: PDFObject) => {
  const d = k instanceof PDFRef ? doc.context.lookup(k) : undefined;
  return d instanceof PDFDict && d.has(PDFName.of("S")) ? d : undefined;
};

function span(doc: PDFDocument, cell: PDFDict, key: "ColSpan" | "RowSpan"): number {
  const a = cell.get(PDFName.of("A"));
  const r = a instanceof PDFRef ? doc.context.lookup(a) : a;
  for (const x of r instanceof PDFArray ? r.asArray() : r ? [r] : []) {
    const d = x instanceof PDFRef ? doc.context.lookup(x) : x;
    const n = d instanceof PDFDict ? d.get(PDFName.of(key)) : undefined;
    if (n instanceof PDFNumber) return Math.max(1, n.asNumber());
  }
  return 1;
}

/** The number of cells added. Rows under row spans are not padded (their width is not theirs alone). */
export function padTableRows(doc: PDFDocument): number {
  let added = 0;
  for (const table of structElems(doc).filter((e) => e.type === "Table")) {
    const rows = kids(doc, table.dict).flatMap((k) => {
      const d = elem(doc, k);
      const t = name(d?.get(PDFName.of("S")));
      if (t === "TR") return [{ ref: k as PDFRef, dict: d as PDFDict }];
      if (t === "THead" || t === "TBody" || t === "TFoot")
        return kids(doc, d as PDFDict).flatMap((r) =>
          name(elem(doc, r)?.get(PDFName.of("S"))) === "TR" ? [{ ref: r as PDFRef, dict: elem(doc, r) as PDFDict }] : [],
        );
      return [];
    });
    const cellsOf = (row: PDFDict) =>
      kids(doc, row).flatMap((k) =>
        ["TH", "TD"].includes(name(elem(doc, k)?.get(PDFName.of("S"))) ?? "") ? [elem(doc, k) as PDFDict] : [],
      );
    if (rows.some((r) => cellsOf(r.dict).some((c) => span(doc, c, "RowSpan") > 1))) continue;
    const widths = rows.map((r) => cellsOf(r.dict).reduce((n, c) => n + span(doc, c, "ColSpan"), 0));
    const widest = Math.max(0, ...widths);
    rows.forEach((row, i) => {
      const missing = widest - (widths[i] ?? 0);
      const cells = cellsOf(row.dict);
      if (missing <= 0 || cells.length === 0) return;
      const header = cells.every((c) => name(c.get(PDFName.of("S"))) === "TH");
      const made = Array.from({ length: missing }, () => {
        const cell = doc.context.obj({ Type: "StructElem", S: header ? "TH" : "TD", P: row.ref, K: [] });
        if (header) cell.set(PDFName.of("A"), doc.context.obj({ O: "Table", Scope: "Column" }));
        const pg = row.dict.get(PDFName.of("Pg"));
        if (pg) cell.set(PDFName.of("Pg"), pg);
        return doc.context.register(cell);
      });
      row.dict.set(PDFName.of("K"), doc.context.obj([...made, ...kids(doc, row.dict)]));
      added += missing;
    });
  }
  return added;
}
