// Features the pipeline does not write, checked absent or, where present,
// conforming: forms (6.4), signatures and permissions (6.1.12, 6.4.3),
// actions (6.5), optional content (6.9, UA 7.10), alternate presentations
// (6.10), Requirements (6.11), media clips (UA 7.18.6.2). Embedded files (6.8,
// UA 7.11) are written by the data-files attachment: checked as PDF/A-3 asks.
import { PDFArray, PDFDict, PDFRawStream, PDFRef } from "pdf-lib";
import { arrayOf, boolOf, dictOf, get, N, nameOf, numberOf, objects, pageNumbers, resolve, streamData, textOf } from "./cos.js";
import { pkcsSummary } from "./pkcs.js";
import type { Check } from "./types.js";
import { allValues } from "./walk.js";

const ACTIONS = new Set(["GoTo", "GoToR", "GoToE", "Thread", "URI", "Named", "SubmitForm"]);
const NAMED = new Set(["NextPage", "PrevPage", "FirstPage", "LastPage"]);

export const featureChecks: Check[] = [
  {
    family: "forms",
    ids: [{ a: "6.4.1-1" }, { a: "6.4.1-2" }, { a: "6.4.1-3" }, { a: "6.4.2-1" }, { a: "6.4.2-2" }, { ua: "7.15-1" }],
    run(ctx) {
      const { doc } = ctx;
      if (get(doc, doc.catalog, "NeedsRendering") && boolOf(get(doc, doc.catalog, "NeedsRendering")) !== false)
        ctx.fail({ a: "6.4.2-2" }, { object: "Catalog" }, "NeedsRendering is set");
      const form = dictOf(doc, get(doc, doc.catalog, "AcroForm"));
      if (form) {
        if (boolOf(get(doc, form, "NeedAppearances")) === true)
          ctx.fail({ a: "6.4.1-3" }, { object: "AcroForm" }, "NeedAppearances is true");
        const xfa = get(doc, form, "XFA");
        if (xfa) {
          ctx.fail({ a: "6.4.2-1" }, { object: "AcroForm" }, "an XFA form");
          const text = (arrayOf(doc, xfa) ?? [xfa])
            .map((x) => Buffer.from(streamData(doc, x) ?? new Uint8Array()).toString("utf8"))
            .join("");
          if (/<dynamicRender>\s*required/.test(text))
            ctx.fail({ ua: "7.15-1" }, { object: "AcroForm XFA" }, "XFA with dynamicRender required");
        }
        const fields = [...(arrayOf(doc, get(doc, form, "Fields")) ?? [])];
        const seen = new Set<unknown>();
        while (fields.length) {
          const f = dictOf(doc, fields.pop());
          if (!f || seen.has(f)) continue;
          seen.add(f);
          if (f.has(N("AA"))) ctx.fail({ a: "6.4.1-2" }, { object: `field ${textOf(get(doc, f, "T")) ?? ""}` }, "form field with AA");
          fields.push(...(arrayOf(doc, get(doc, f, "Kids")) ?? []));
        }
      }
      for (const [page, n] of pageNumbers(doc))
        for (const a of arrayOf(doc, get(doc, page, "Annots")) ?? []) {
          const w = dictOf(doc, a);
          if (nameOf(get(doc, w, "Subtype")) === "Widget" && (w?.has(N("A")) || w?.has(N("AA"))))
            ctx.fail({ a: "6.4.1-1" }, { page: n, object: `Widget annotation (${a})` }, "widget with A or AA");
        }
    },
  },
  {
    family: "actions",
    ids: [{ a: "6.5.1-1" }, { a: "6.5.1-2" }, { a: "6.5.2-1" }, { a: "6.5.2-2" }],
    run(ctx) {
      const { doc } = ctx;
      if (doc.catalog.has(N("AA"))) ctx.fail({ a: "6.5.2-1" }, { object: "Catalog" }, "document additional actions (AA)");
      for (const [page, n] of pageNumbers(doc)) if (page.has(N("AA"))) ctx.fail({ a: "6.5.2-2" }, { page: n, object: "Page" }, "page AA");
      // Actions are where ISO 32000-1 puts them: OpenAction, A of annotations and outline items, Next of actions, Type Action.
      const actions = new Set<PDFDict>();
      const open = dictOf(doc, get(doc, doc.catalog, "OpenAction"));
      if (open?.has(N("S"))) actions.add(open);
      for (const { value } of allValues(doc)) {
        const d = value instanceof PDFRawStream ? value.dict : value;
        if (!(d instanceof PDFDict)) continue;
        if (nameOf(d.get(N("Type"))) === "Action") actions.add(d);
        const isAnnotOrOutline = d.has(N("Subtype")) && nameOf(d.get(N("Type"))) === "Annot";
        if (isAnnotOrOutline || (d.has(N("Title")) && d.has(N("Parent")))) {
          const a = dictOf(doc, d.get(N("A")));
          if (a?.has(N("S"))) actions.add(a);
        }
        if (actions.has(d))
          for (const x of arrayOf(doc, d.get(N("Next"))) ?? [d.get(N("Next"))]) if (x) actions.add(dictOf(doc, x) as PDFDict);
      }
      for (const a of actions) {
        if (!a) continue;
        const s = nameOf(get(doc, a, "S"));
        if (!s || !ACTIONS.has(s)) ctx.fail({ a: "6.5.1-1" }, { object: `${s} action` }, `action type ${s} not allowed`);
        if (s === "Named" && !NAMED.has(nameOf(get(doc, a, "N")) ?? ""))
          ctx.fail({ a: "6.5.1-2" }, { object: "Named action" }, `named action ${nameOf(get(doc, a, "N"))}`);
      }
    },
  },
  {
    family: "optional-content-and-presentation",
    ids: [
      { a: "6.9-1", ua: "7.10-1" },
      { a: "6.9-2" },
      { a: "6.9-3" },
      { a: "6.9-4", ua: "7.10-2" },
      { a: "6.10-1" },
      { a: "6.10-2" },
      { a: "6.11-1" },
    ],
    run(ctx) {
      const { doc } = ctx;
      if (doc.catalog.has(N("Requirements"))) ctx.fail({ a: "6.11-1" }, { object: "Catalog" }, "Requirements in the catalog");
      if (dictOf(doc, get(doc, doc.catalog, "Names"))?.has(N("AlternatePresentations")))
        ctx.fail({ a: "6.10-1" }, { object: "Names" }, "AlternatePresentations");
      for (const [page, n] of pageNumbers(doc))
        if (page.has(N("PresSteps"))) ctx.fail({ a: "6.10-2" }, { page: n, object: "Page" }, "PresSteps");
      const oc = dictOf(doc, get(doc, doc.catalog, "OCProperties"));
      if (!oc) return;
      const ocgs = (arrayOf(doc, get(doc, oc, "OCGs")) ?? []).map((x) => x.toString());
      const configs = [get(doc, oc, "D"), ...(arrayOf(doc, get(doc, oc, "Configs")) ?? [])].map((c) => dictOf(doc, c));
      const names = new Set<string>();
      configs.forEach((c, i) => {
        const where = { object: `optional content configuration ${i}` };
        const name = textOf(get(doc, c, "Name"));
        if (!name) ctx.fail({ a: "6.9-1", ua: "7.10-1" }, where, "no Name");
        else if (names.has(name)) ctx.fail({ a: "6.9-2" }, where, `duplicate Name ${name}`);
        if (name) names.add(name);
        if (c?.has(N("AS"))) ctx.fail({ a: "6.9-4", ua: "7.10-2" }, where, "AS key");
        const order = new Set<string>();
        const stack = [...(arrayOf(doc, get(doc, c, "Order")) ?? [])];
        while (stack.length) {
          const x = stack.pop();
          const r = resolve(doc, x);
          if (r instanceof PDFArray) stack.push(...r.asArray());
          else if (x instanceof PDFRef) order.add(x.toString());
        }
        const missing = ocgs.filter((g) => !order.has(g));
        if (missing.length) ctx.fail({ a: "6.9-3" }, where, `OCGs not in Order: ${missing.join(", ")}`);
      });
    },
  },
  {
    family: "signatures-and-permissions",
    ids: [{ a: "6.1.12-1" }, { a: "6.1.12-2" }, { a: "6.4.3-1" }, { a: "6.4.3-2" }, { a: "6.4.3-3" }],
    run(ctx) {
      const { doc } = ctx;
      const perms = dictOf(doc, get(doc, doc.catalog, "Perms"));
      const permKeys = perms?.keys().map((k) => k.decodeText()) ?? [];
      const extra = permKeys.filter((k) => k !== "UR3" && k !== "DocMDP");
      if (extra.length) ctx.fail({ a: "6.1.12-1" }, { object: "Perms" }, `permissions with ${extra.join(", ")}`);
      for (const [ref, obj] of objects(doc)) {
        const d = obj instanceof PDFDict ? obj : undefined;
        if (!d) continue;
        if (permKeys.includes("DocMDP"))
          for (const r of arrayOf(doc, get(doc, d, "Reference")) ?? []) {
            const sigRef = dictOf(doc, r);
            const bad = ["DigestLocation", "DigestMethod", "DigestValue"].filter((k) => sigRef?.has(N(k)));
            if (bad.length) ctx.fail({ a: "6.1.12-2" }, { object: `signature reference in ${ref}` }, `with ${bad.join(", ")}`);
          }
        if (nameOf(d.get(N("Type"))) !== "Sig" && !(d.has(N("ByteRange")) && d.has(N("Contents")))) continue;
        const where = { object: `signature ${ref}` };
        const range = (arrayOf(doc, get(doc, d, "ByteRange")) ?? []).map((x) => numberOf(resolve(doc, x)) ?? -1);
        const contents = get(doc, d, "Contents");
        const hexLength = contents ? contents.toString().length : 0;
        const [a, b, c, e] = range as [number, number, number, number];
        if (range.length !== 4 || a !== 0 || c + e !== ctx.bytes.length || c - b !== hexLength)
          ctx.fail({ a: "6.4.3-1" }, where, "ByteRange does not cover the whole file but the Contents");
        const bytes = contents && "asBytes" in contents ? (contents as unknown as { asBytes(): Uint8Array }).asBytes() : new Uint8Array();
        const pkcs = pkcsSummary(bytes);
        if (!pkcs?.certificate) ctx.fail({ a: "6.4.3-2" }, where, "no signing certificate in the PKCS#7 data");
        if (pkcs?.signerInfos !== 1) ctx.fail({ a: "6.4.3-3" }, where, `${pkcs?.signerInfos ?? 0} SignerInfo entries, not one`);
      }
    },
  },
  // Embedded files (6.8, UA 7.11): checks-embedded.ts.
];
