// Structure rules of PDF/UA-1 (Matterhorn 09, 13-15, 19, 26) and PDF/A-3
// 6.7.3.4: what each element may contain and sit in (tables, lists, TOC),
// the role map's cycles, headings' levels, notes' IDs, formulas' and forms'
// descriptions, and table regularity and headers.
import { PDFArray, PDFHexString, PDFString } from "pdf-lib";
import { dictOf, get, N, nameOf, textOf } from "./cos.js";
import { attribute, type Elem, elements, intAttr, label } from "./structure.js";
import type { Check, CheckContext } from "./types.js";

const kidsTypes = (e: Elem) => e.kids.map((k) => k.std ?? k.type);

/** [parent rule id, element type, allowed parents] and [kids rule id, element type, allowed kids]. */
const PARENTS: [string, string, string[]][] = [
  ["7.2-4", "TR", ["Table", "THead", "TBody", "TFoot"]],
  ["7.2-5", "THead", ["Table"]],
  ["7.2-6", "TBody", ["Table"]],
  ["7.2-7", "TFoot", ["Table"]],
  ["7.2-8", "TH", ["TR"]],
  ["7.2-9", "TD", ["TR"]],
  ["7.2-17", "LI", ["L"]],
  ["7.2-18", "LBody", ["LI"]],
  ["7.2-26", "TOCI", ["TOC"]],
];
const KIDS: [string, string, string[]][] = [
  ["7.2-3", "Table", ["TR", "THead", "TBody", "TFoot", "Caption"]],
  ["7.2-10", "TR", ["TH", "TD"]],
  ["7.2-19", "L", ["L", "LI", "Caption"]],
  ["7.2-20", "LI", ["Lbl", "LBody"]],
  ["7.2-27", "TOC", ["TOC", "TOCI", "Caption"]],
  ["7.2-36", "THead", ["TR"]],
  ["7.2-37", "TBody", ["TR"]],
  ["7.2-38", "TFoot", ["TR"]],
];

function tableGrid(ctx: CheckContext, table: Elem) {
  const { doc } = ctx;
  const rows: Elem[] = [];
  for (const k of table.kids) {
    if (k.std === "TR") rows.push(k);
    else if (k.std === "THead" || k.std === "TBody" || k.std === "TFoot") rows.push(...k.kids.filter((r) => r.std === "TR"));
  }
  const grid: (Elem | undefined)[][] = rows.map(() => []);
  const where = { object: label(table) };
  let overlap = false;
  let rowSpanPast = false;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.kids.filter((x) => x.std === "TH" || x.std === "TD")) {
      while (grid[r]?.[c]) c++;
      const rs = Math.max(1, intAttr(doc, cell, "RowSpan") ?? 1);
      const cs = Math.max(1, intAttr(doc, cell, "ColSpan") ?? 1);
      if (r + rs > rows.length) rowSpanPast = true;
      for (let i = r; i < Math.min(r + rs, rows.length); i++)
        for (let j = c; j < c + cs; j++) {
          const line = grid[i] as (Elem | undefined)[];
          if (line[j]) overlap = true;
          line[j] = cell;
        }
      c += cs;
    }
  });
  if (overlap) ctx.fail({ ua: "7.2-15" }, where, "table cells intersect");
  if (rowSpanPast) ctx.fail({ ua: "7.2-41" }, where, "a row span runs past the table's last row");
  const widths = grid.map((line) => line.length);
  widths.forEach((w, i) => {
    if (i === 0 || w === widths[0]) return;
    if (w === 0) ctx.fail({ ua: "7.2-42" }, where, `row ${i + 1} has no cells, row 1 has ${widths[0]} columns`);
    else ctx.fail({ ua: "7.2-43" }, where, `rows 1 and ${i + 1} span different numbers of columns (${widths[0]} and ${w})`);
  });
  return { rows, grid };
}

function headers(ctx: CheckContext, table: Elem, grid: (Elem | undefined)[][], ids: Map<string, Elem>) {
  const { doc } = ctx;
  const scope = (e: Elem) => {
    const s = attribute(doc, e, "Scope");
    return s ? s.toString().slice(1) : undefined;
  };
  grid.forEach((line, r) => {
    line.forEach((cell, c) => {
      if (cell?.std !== "TD" || line.indexOf(cell) !== c || grid.findIndex((l) => l.includes(cell)) !== r) return;
      const h = attribute(doc, cell, "Headers");
      const list =
        h instanceof PDFArray ? h.asArray().map((x) => (x instanceof PDFString || x instanceof PDFHexString ? x.decodeText() : "")) : [];
      const unknown = list.filter((id) => ids.get(id)?.std !== "TH");
      if (list.length && !unknown.length) return;
      const inRow = line.slice(0, c).some((x) => x?.std === "TH" && ["Row", "Both"].includes(scope(x) ?? ""));
      const inCol = grid.slice(0, r).some((l) => l[c]?.std === "TH" && ["Column", "Both"].includes(scope(l[c] as Elem) ?? ""));
      if (inRow || inCol) return;
      const where = { object: label(cell) };
      if (unknown.length)
        ctx.fail({ ua: "7.5-2" }, where, `TD refers to undefined headers ${unknown.join(", ")} and has no TH with a scope`);
      else ctx.fail({ ua: "7.5-1" }, where, `TD without Headers and no TH with a scope in its row or column (table ${table.ref})`);
    });
  });
}

export const tagChecks: Check[] = [
  {
    family: "structure-nesting",
    ids: [...PARENTS, ...KIDS]
      .map(([id]) => ({ ua: id }))
      .concat([
        { ua: "7.2-11" },
        { ua: "7.2-12" },
        { ua: "7.2-13" },
        { ua: "7.2-14" },
        { ua: "7.2-16" },
        { ua: "7.2-28" },
        { ua: "7.2-39" },
        { ua: "7.2-40" },
      ]),
    run(ctx) {
      if (!ctx.standards.includes("PDF/UA-1")) return;
      for (const e of elements(ctx.doc)) {
        const where = { object: label(e) };
        const kids = kidsTypes(e);
        for (const [id, type, parents] of PARENTS)
          if (e.std === type && !parents.includes(e.parent?.std ?? ""))
            ctx.fail({ ua: id }, where, `${type} inside ${e.parent?.std ?? "the root"}`);
        for (const [id, type, allowed] of KIDS)
          if (e.std === type) {
            const bad = kids.filter((k) => !allowed.includes(k));
            if (bad.length) ctx.fail({ ua: id }, where, `${type} holds ${[...new Set(bad)].join(", ")}`);
          }
        const count = (t: string) => kids.filter((k) => k === t).length;
        if (e.std === "Table") {
          if (count("THead") > 1) ctx.fail({ ua: "7.2-11" }, where, "more than one THead");
          if (count("TFoot") > 1) ctx.fail({ ua: "7.2-12" }, where, "more than one TFoot");
          if (count("TFoot") && !count("TBody")) ctx.fail({ ua: "7.2-13" }, where, "TFoot without TBody");
          if (count("THead") && !count("TBody")) ctx.fail({ ua: "7.2-14" }, where, "THead without TBody");
          if (kids.slice(1, -1).includes("Caption")) ctx.fail({ ua: "7.2-16" }, where, "Caption neither first nor last");
          if (count("Caption") > 1) ctx.fail({ ua: "7.2-39" }, where, "more than one Caption");
        }
        if (e.std === "TOC" && kids.slice(1).includes("Caption")) ctx.fail({ ua: "7.2-28" }, where, "Caption not first in TOC");
        if (e.std === "L" && kids.slice(1).includes("Caption")) ctx.fail({ ua: "7.2-40" }, where, "Caption not first in L");
      }
    },
  },
  {
    family: "tables",
    ids: [{ ua: "7.2-15" }, { ua: "7.2-41" }, { ua: "7.2-42" }, { ua: "7.2-43" }, { ua: "7.5-1" }, { ua: "7.5-2" }],
    run(ctx) {
      if (!ctx.standards.includes("PDF/UA-1")) return;
      const all = elements(ctx.doc);
      const ids = new Map<string, Elem>();
      for (const e of all) {
        const id = get(ctx.doc, e.dict, "ID");
        if (id instanceof PDFString || id instanceof PDFHexString) ids.set(id.decodeText(), e);
      }
      for (const t of all.filter((e) => e.std === "Table")) {
        const { grid } = tableGrid(ctx, t);
        headers(ctx, t, grid, ids);
      }
    },
  },
  {
    family: "headings-notes-formulas-forms",
    ids: [
      { ua: "7.4.2-1" },
      { ua: "7.4.4-1" },
      { ua: "7.4.4-2" },
      { ua: "7.4.4-3" },
      { ua: "7.7-1" },
      { ua: "7.9-1" },
      { ua: "7.9-2" },
      { ua: "7.18.4-2" },
    ],
    run(ctx) {
      if (!ctx.standards.includes("PDF/UA-1")) return;
      const { doc } = ctx;
      const all = elements(doc);
      const usesH = all.some((e) => e.std === "H");
      const usesHn = all.some((e) => /^H[1-6]$/.test(e.std ?? ""));
      let previous = 0;
      const noteIds = new Map<string, number>();
      for (const e of all) {
        const where = { object: label(e) };
        const level = /^H([1-6])$/.exec(e.std ?? "")?.[1];
        if (level) {
          const n = Number(level);
          if ((previous === 0 && n !== 1) || n > previous + 1)
            ctx.fail(
              { ua: "7.4.2-1" },
              where,
              previous === 0 ? `the first heading is H${n}, not H1` : `H${n} after H${previous}: a level skipped`,
            );
          previous = n;
          if (usesH) ctx.fail({ ua: "7.4.4-3" }, where, "Hn in a document that also uses H");
        }
        if (e.std === "H" && usesHn) ctx.fail({ ua: "7.4.4-2" }, where, "H in a document that also uses H1-H6");
        if (kidsTypes(e).filter((k) => k === "H").length > 1) ctx.fail({ ua: "7.4.4-1" }, where, "more than one H child");
        if (e.std === "Formula" && !textOf(get(doc, e.dict, "Alt")) && textOf(get(doc, e.dict, "ActualText")) === undefined)
          ctx.fail({ ua: "7.7-1" }, where, "Formula without Alt or ActualText");
        if (e.std === "Note") {
          const id = textOf(get(doc, e.dict, "ID"));
          if (!id) ctx.fail({ ua: "7.9-1" }, where, "Note without ID");
          else noteIds.set(id, (noteIds.get(id) ?? 0) + 1);
          if (id && (noteIds.get(id) ?? 0) > 1) ctx.fail({ ua: "7.9-2" }, where, `Note ID ${id} used twice`);
        }
        if (e.std === "Form") {
          const role = attribute(doc, e, "Role");
          const widgets = e.objrs.filter((o) => nameOf(get(doc, dictOf(doc, o), "Subtype")) === "Widget");
          if (!role && !(widgets.length === 1 && e.kids.length === 0 && e.objrs.length === 1))
            ctx.fail({ ua: "7.18.4-2" }, where, "Form without Role attribute and not exactly one widget child");
        }
      }
    },
  },
  {
    family: "role-map",
    ids: [{ a: "6.7.3.4-2", ua: "7.1-6" }, { a: "6.7.3.4-3" }],
    run(ctx) {
      const { doc } = ctx;
      const roleMap = dictOf(doc, get(doc, dictOf(doc, get(doc, doc.catalog, "StructTreeRoot")), "RoleMap"));
      for (const e of elements(doc)) {
        const where = { object: label(e) };
        if (e.circular) ctx.fail({ a: "6.7.3.4-2", ua: "7.1-6" }, where, `circular role mapping of ${e.type}`);
        if (e.std === e.type && roleMap?.has(N(e.type))) ctx.fail({ a: "6.7.3.4-3" }, where, `standard type ${e.type} remapped`);
      }
    },
  },
];
