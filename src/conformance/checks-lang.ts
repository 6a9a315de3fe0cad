// Natural language (PDF/UA-1 7.2, Matterhorn 11; PDF/A-3 6.7.4): every Lang
// is a language tag, and every text, alternate description, expansion and
// annotation Contents has a language, its own, inherited, or the catalog's.
import { PDFDict, PDFRawStream } from "pdf-lib";
import { opName } from "./content.js";
import { arrayOf, dictOf, get, N, nameOf, objects, textOf } from "./cos.js";
import { elements, label, langOf, parentTree } from "./structure.js";
import type { Check } from "./types.js";
import { allValues, opsOf, streamsOf } from "./walk.js";

const TAG = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;
const inlineText = (dict: string, key: string) => new RegExp(`/${key}\\s*[(<]`).test(dict);
const inlineLang = (dict: string) => /\/Lang\s*\(([^)]*)\)/.exec(dict)?.[1];

export const langChecks: Check[] = [
  {
    family: "language-tags",
    ids: [{ a: "6.7.4-1" }, { ua: "7.2-29" }],
    run(ctx) {
      const { doc } = ctx;
      for (const { ref, key, value } of allValues(doc)) {
        if (key !== "Lang") continue;
        const v = textOf(value) ?? "";
        const where = { object: `Lang in ${ref}` };
        if (v !== "" && !TAG.test(v)) ctx.fail({ a: "6.7.4-1" }, where, `Lang ${JSON.stringify(v)} is not a language tag`);
        if (!TAG.test(v)) ctx.fail({ ua: "7.2-29" }, where, `Lang ${JSON.stringify(v)} is not a language tag`);
      }
      for (const s of streamsOf(doc))
        for (const o of opsOf(s)) {
          const d = o.op === "BDC" ? o.operands[1] : undefined;
          const lang = d && typeof d === "object" && "dict" in d ? inlineLang(d.dict) : undefined;
          if (lang === undefined) continue;
          const where = { page: s.page, object: s.object };
          if (lang !== "" && !TAG.test(lang)) ctx.fail({ a: "6.7.4-1" }, where, `marked-content Lang ${JSON.stringify(lang)}`);
          if (!TAG.test(lang)) ctx.fail({ ua: "7.2-29" }, where, `marked-content Lang ${JSON.stringify(lang)}`);
        }
    },
  },
  {
    family: "language-determined",
    ids: [
      { ua: "7.2-2" },
      { ua: "7.2-21" },
      { ua: "7.2-22" },
      { ua: "7.2-23" },
      { ua: "7.2-24" },
      { ua: "7.2-25" },
      { ua: "7.2-30" },
      { ua: "7.2-31" },
      { ua: "7.2-32" },
      { ua: "7.2-34" },
    ],
    run(ctx) {
      if (!ctx.standards.includes("PDF/UA-1")) return;
      const { doc } = ctx;
      if (textOf(get(doc, doc.catalog, "Lang"))) return; // every rule here is met by the catalog's Lang
      if (get(doc, doc.catalog, "Outlines")) ctx.fail({ ua: "7.2-2" }, { object: "Outlines" }, "outline titles without a catalog Lang");
      for (const e of elements(doc)) {
        if (langOf(doc, e) !== undefined) continue;
        for (const [id, key] of [
          ["7.2-21", "ActualText"],
          ["7.2-22", "Alt"],
          ["7.2-23", "E"],
        ] as const)
          if (e.dict.has(N(key))) ctx.fail({ ua: id }, { object: label(e) }, `${key} without a language`);
      }
      for (const [ref, obj] of objects(doc)) {
        const d = obj instanceof PDFDict ? obj : obj instanceof PDFRawStream ? obj.dict : undefined;
        if (!d || d.has(N("Lang"))) continue;
        if (nameOf(d.get(N("Type"))) === "Annot" && d.has(N("Contents")))
          ctx.fail({ ua: "7.2-24" }, { object: `annotation ${ref}` }, "Contents without a language");
        if (d.has(N("FT")) && d.has(N("TU"))) ctx.fail({ ua: "7.2-25" }, { object: `field ${ref}` }, "TU without a language");
      }
      const tree = parentTree(doc);
      const byMcid = (page: number | undefined, mcid: number) => {
        const p = page === undefined ? undefined : doc.getPage(page - 1).node;
        const n = p ? Number(p.get(N("StructParents"))?.toString()) : Number.NaN;
        const arr = arrayOf(doc, tree.get(n));
        return elements(doc).find((e) => e.dict === dictOf(doc, arr?.[mcid]));
      };
      for (const s of streamsOf(doc)) {
        const langs: (string | undefined)[] = [];
        let missing = 0;
        for (const o of opsOf(s)) {
          if (o.op === "BDC" || o.op === "BMC") {
            const d = o.operands[1];
            const dict = d && typeof d === "object" && "dict" in d ? d.dict : "";
            const mcid = /\/MCID\s+(\d+)/.exec(dict)?.[1];
            const lang = inlineLang(dict) ?? (mcid ? langOf(doc, byMcid(s.page, Number(mcid))) : undefined) ?? langs[langs.length - 1];
            langs.push(lang);
            if (opName(o.operands[0]) === "Span" && lang === undefined)
              for (const [id, key] of [
                ["7.2-30", "ActualText"],
                ["7.2-31", "Alt"],
                ["7.2-32", "E"],
              ] as const)
                if (inlineText(dict, key)) ctx.fail({ ua: id }, { page: s.page, object: s.object }, `Span ${key} without a language`);
          } else if (o.op === "EMC") langs.pop();
          else if ((o.op === "Tj" || o.op === "TJ" || o.op === "'" || o.op === '"') && langs[langs.length - 1] === undefined) missing++;
        }
        if (missing)
          ctx.fail({ ua: "7.2-34" }, { page: s.page, object: s.object }, `${missing} text operators whose language cannot be determined`);
      }
    },
  },
];
