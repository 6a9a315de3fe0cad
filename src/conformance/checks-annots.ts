// Annotations beyond flags and appearances (checks-objects.ts): the types
// PDF/A-3 allows, the form of their normal appearance, and in PDF/UA-1 their
// place in the structure (Link, Annot, Form), their descriptions, trap
// networks and printer's marks kept out of reading, media clips described.
import { PDFRawStream } from "pdf-lib";
import { arrayOf, dictOf, get, N, nameOf, numberOf, objects, pageNumbers, resolve, textOf } from "./cos.js";
import { elements, parentTree } from "./structure.js";
import type { Check } from "./types.js";

const ALLOWED = new Set(
  "Text Link FreeText Line Square Circle Polygon PolyLine Highlight Underline Squiggly StrikeOut Stamp Caret Ink Popup FileAttachment Widget PrinterMark TrapNet Watermark Redact".split(
    " ",
  ),
);

export const annotChecks: Check[] = [
  {
    family: "annotation-types-and-tags",
    ids: [
      { a: "6.3.1-1" },
      { a: "6.3.3-3" },
      { a: "6.3.3-4" },
      { ua: "7.18.1-1" },
      { ua: "7.18.1-2" },
      { ua: "7.18.1-3" },
      { ua: "7.18.2-1" },
      { ua: "7.18.4-1" },
      { ua: "7.18.5-1" },
      { ua: "7.18.8-1" },
    ],
    run(ctx) {
      const { doc } = ctx;
      const tree = parentTree(doc);
      const elems = new Map(elements(doc).map((e) => [e.dict, e]));
      for (const [page, n] of pageNumbers(doc)) {
        const crop = (arrayOf(doc, get(doc, page, "CropBox") ?? get(doc, page, "MediaBox")) ?? []).map(
          (x) => numberOf(resolve(doc, x)) ?? 0,
        );
        for (const a of arrayOf(doc, get(doc, page, "Annots")) ?? []) {
          const annot = dictOf(doc, a);
          if (!annot) continue;
          const sub = nameOf(get(doc, annot, "Subtype")) ?? "";
          const where = { page: n, object: `${sub} annotation (${a})` };
          if (!ALLOWED.has(sub)) ctx.fail({ a: "6.3.1-1" }, where, `annotation type ${sub} not allowed`);
          const normal = resolve(doc, dictOf(doc, get(doc, annot, "AP"))?.get(N("N")));
          const btn = sub === "Widget" && nameOf(get(doc, annot, "FT") ?? get(doc, dictOf(doc, get(doc, annot, "Parent")), "FT")) === "Btn";
          if (normal && btn && (normal instanceof PDFRawStream || !dictOf(doc, normal)?.keys().length))
            ctx.fail({ a: "6.3.3-3" }, where, "button widget whose N appearance is not a dictionary of appearances");
          if (normal && !btn && !(normal instanceof PDFRawStream)) ctx.fail({ a: "6.3.3-4" }, where, "N appearance not a stream");
          if (!ctx.standards.includes("PDF/UA-1")) continue;
          const rect = (arrayOf(doc, get(doc, annot, "Rect")) ?? []).map((x) => numberOf(resolve(doc, x)) ?? 0);
          const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect;
          const [c0 = 0, c1 = 0, c2 = 0, c3 = 0] = crop;
          const outside =
            Math.max(x0, x1) < Math.min(c0, c2) ||
            Math.min(x0, x1) > Math.max(c0, c2) ||
            Math.max(y0, y1) < Math.min(c1, c3) ||
            Math.min(y0, y1) > Math.max(c1, c3);
          const hidden = ((numberOf(get(doc, annot, "F")) ?? 0) & 2) === 2;
          if (outside || hidden) continue;
          const sp = numberOf(get(doc, annot, "StructParent"));
          const parent = sp === undefined ? undefined : elems.get(dictOf(doc, tree.get(sp)) as never);
          const ptype = parent?.std;
          if (sub === "Link" && sp !== undefined && ptype !== "Link")
            ctx.fail({ ua: "7.18.5-1" }, where, `link's structure parent is ${ptype ?? "missing"}, not Link`);
          if (sub === "Widget" && ptype !== "Form")
            ctx.fail({ ua: "7.18.4-1" }, where, `widget's structure parent is ${ptype ?? "missing"}, not Form`);
          if (!["Widget", "PrinterMark", "Link"].includes(sub) && sp !== undefined && ptype !== "Annot")
            ctx.fail({ ua: "7.18.1-1" }, where, `annotation's structure parent is ${ptype ?? "missing"}, not Annot`);
          if (sub !== "Widget" && !textOf(get(doc, annot, "Contents")) && !textOf(parent ? get(doc, parent.dict, "Alt") : undefined))
            ctx.fail({ ua: "7.18.1-2" }, where, "annotation without Contents or Alt");
          if (
            sub === "Widget" &&
            !textOf(get(doc, annot, "TU") ?? get(doc, dictOf(doc, get(doc, annot, "Parent")), "TU")) &&
            !textOf(parent ? get(doc, parent.dict, "Alt") : undefined)
          )
            ctx.fail({ ua: "7.18.1-3" }, where, "widget without TU or Alt");
          if (sub === "TrapNet") ctx.fail({ ua: "7.18.2-1" }, where, "a visible TrapNet annotation");
          if (sub === "PrinterMark" && sp !== undefined)
            ctx.fail({ ua: "7.18.8-1" }, where, "a PrinterMark annotation in the structure tree");
        }
      }
    },
  },
  {
    family: "media-clips",
    ids: [{ ua: "7.18.6.2-1" }, { ua: "7.18.6.2-2" }],
    run(ctx) {
      if (!ctx.standards.includes("PDF/UA-1")) return;
      const { doc } = ctx;
      for (const [ref, obj] of objects(doc)) {
        const d = dictOf(doc, obj);
        if (!d || nameOf(get(doc, d, "Type")) !== "MediaClip" || nameOf(get(doc, d, "S")) !== "MCD") continue;
        const where = { object: `MediaClip ${ref}` };
        if (!get(doc, d, "CT")) ctx.fail({ ua: "7.18.6.2-1" }, where, "media clip without CT");
        const alt = arrayOf(doc, get(doc, d, "Alt")) ?? [];
        if (alt.length === 0 || alt.length % 2 !== 0) ctx.fail({ ua: "7.18.6.2-2" }, where, "media clip without a multi-language Alt");
      }
    },
  },
];
