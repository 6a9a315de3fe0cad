// Object rules: fonts, annotations and the structure elements.
import { PDFDict, PDFName, PDFRawStream } from "pdf-lib";
import { arrayOf, dictOf, get, N, nameOf, numberOf, objects, pageNumbers, textOf } from "./cos.js";
import type { Check } from "./types.js";

/** ISO 32000-1 14.8.4 standard structure types (the ones PDF/UA-1 allows unmapped). */
const STANDARD = new Set(
  "Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form".split(
    " ",
  ),
);

export const objectChecks: Check[] = [
  {
    family: "fonts",
    ids: [
      { a: "6.2.11.4.1-1", ua: "7.21.4.1-1" },
      { a: "6.2.11.7.2-1", ua: "7.21.7-1" },
      { a: "6.2.11.3.2-1", ua: "7.21.3.2-1" },
    ],
    run(ctx) {
      const { doc } = ctx;
      for (const [ref, obj] of objects(doc)) {
        if (!(obj instanceof PDFDict) || nameOf(obj.get(N("Type"))) !== "Font") continue;
        const sub = nameOf(obj.get(N("Subtype")));
        if (sub === "CIDFontType0" || sub === "CIDFontType2") continue; // read through their Type0 parent
        const where = { object: `Font ${nameOf(obj.get(N("BaseFont"))) ?? sub} (${ref})` };
        if (sub !== "Type3" && !get(doc, obj, "ToUnicode")) ctx.fail({ a: "6.2.11.7.2-1", ua: "7.21.7-1" }, where, "no ToUnicode map");
        const font = sub === "Type0" ? dictOf(doc, arrayOf(doc, get(doc, obj, "DescendantFonts"))?.[0]) : obj;
        if (sub === "Type3") continue;
        const fd = dictOf(doc, get(doc, font, "FontDescriptor"));
        if (!fd || !(get(doc, fd, "FontFile") || get(doc, fd, "FontFile2") || get(doc, fd, "FontFile3")))
          ctx.fail({ a: "6.2.11.4.1-1", ua: "7.21.4.1-1" }, where, "the font program is not embedded");
        if (nameOf(get(doc, font, "Subtype")) === "CIDFontType2" && !get(doc, font, "CIDToGIDMap"))
          ctx.fail({ a: "6.2.11.3.2-1", ua: "7.21.3.2-1" }, where, "CIDFontType2 without CIDToGIDMap");
      }
    },
  },
  {
    family: "annotations",
    ids: [
      { a: "6.3.2-1" },
      { a: "6.3.2-2" },
      { a: "6.3.3-1" },
      { a: "6.3.3-2" },
      { ua: "7.18.3-1" },
      { ua: "7.18.5-1" },
      { ua: "7.18.5-2" },
      { ua: "7.18.1-1" },
    ],
    run(ctx) {
      const { doc } = ctx;
      for (const [page, n] of pageNumbers(doc)) {
        const annots = arrayOf(doc, get(doc, page, "Annots")) ?? [];
        if (annots.length && ctx.standards.includes("PDF/UA-1") && nameOf(get(doc, page, "Tabs")) !== "S")
          ctx.fail({ ua: "7.18.3-1" }, { page: n, object: "Page" }, "page with annotations without /Tabs /S");
        for (const a of annots) {
          const annot = dictOf(doc, a);
          const sub = nameOf(get(doc, annot, "Subtype"));
          const where = { page: n, object: `${sub} annotation (${a})` };
          if (!annot || sub === "Popup") continue;
          const f = numberOf(get(doc, annot, "F"));
          if (f === undefined) ctx.fail({ a: "6.3.2-1" }, where, "no F key");
          else if ((f & 4) === 0 || (f & (1 | 2 | 32 | 256)) !== 0)
            ctx.fail({ a: "6.3.2-2" }, where, `F is ${f}: Print unset or hidden bits set`);
          const rect = (arrayOf(doc, get(doc, annot, "Rect")) ?? []).map((x) => numberOf(x) ?? 0);
          const zero = rect.length === 4 && rect[0] === rect[2] && rect[1] === rect[3];
          const ap = dictOf(doc, get(doc, annot, "AP"));
          if (!ap && !zero && sub !== "Link") ctx.fail({ a: "6.3.3-1" }, where, "no appearance stream");
          if (ap && (ap.keys().length !== 1 || !ap.get(N("N")))) ctx.fail({ a: "6.3.3-2" }, where, "AP has keys other than N");
          if (!ctx.standards.includes("PDF/UA-1")) continue;
          if (sub === "Link") {
            if (numberOf(get(doc, annot, "StructParent")) === undefined)
              ctx.fail({ ua: "7.18.5-1" }, where, "link not in the structure tree (no StructParent)");
            if (!textOf(get(doc, annot, "Contents"))) ctx.fail({ ua: "7.18.5-2" }, where, "link without Contents");
          } else if (sub !== "Widget" && sub !== "PrinterMark" && numberOf(get(doc, annot, "StructParent")) === undefined)
            ctx.fail({ ua: "7.18.1-1" }, where, "annotation not nested in an Annot tag");
        }
      }
    },
  },
  {
    family: "structure",
    ids: [{ a: "6.7.3.4-1", ua: "7.1-5" }, { ua: "7.1-7" }, { ua: "7.1-12" }, { ua: "7.3-1" }],
    run(ctx) {
      const { doc } = ctx;
      const root = dictOf(doc, get(doc, doc.catalog, "StructTreeRoot"));
      const roleMap = dictOf(doc, get(doc, root, "RoleMap"));
      const mapped = (t: string) => nameOf(get(doc, roleMap, t));
      if (roleMap)
        for (const [k] of roleMap.entries())
          if (STANDARD.has(k.decodeText()) && ctx.standards.includes("PDF/UA-1"))
            ctx.fail({ ua: "7.1-7" }, { object: "RoleMap" }, `standard type ${k.decodeText()} remapped`);
      for (const [ref, obj] of objects(doc)) {
        if (!(obj instanceof PDFDict) || obj instanceof PDFRawStream) continue;
        const s = obj.get(N("S"));
        if (!(s instanceof PDFName) || !(obj.has(N("K")) || obj.has(N("P"))) || nameOf(obj.get(N("Type"))) === "OBJR") continue;
        if (obj.get(N("Type")) && nameOf(obj.get(N("Type"))) !== "StructElem") continue;
        const type = s.decodeText();
        const where = { object: `StructElem ${type} (${ref})` };
        let role = type;
        for (let i = 0; i < 10 && !STANDARD.has(role) && mapped(role); i++) role = mapped(role) as string;
        if (!STANDARD.has(role)) ctx.fail({ a: "6.7.3.4-1", ua: "7.1-5" }, where, `non-standard type ${type} not mapped to a standard one`);
        if (!ctx.standards.includes("PDF/UA-1")) continue;
        if (!obj.get(N("P"))) ctx.fail({ ua: "7.1-12" }, where, "no P (parent) entry");
        if (role === "Figure" && !textOf(get(doc, obj, "Alt")) && !textOf(get(doc, obj, "ActualText")))
          ctx.fail({ ua: "7.3-1" }, where, "figure without Alt or ActualText");
      }
    },
  },
];
