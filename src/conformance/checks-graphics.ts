// Graphics state, images, XObjects and transparency (ISO 19005-3 6.2.5-6.2.10,
// UA 7.20), read from every resource dictionary the content streams use.
// Chromium writes ExtGStates with alpha and Normal blend modes, no images in
// these editions; the image rules still run on any image the file holds.
import { PDFArray, type PDFDict, type PDFDocument, type PDFObject, PDFRawStream } from "pdf-lib";
import { opName } from "./content.js";
import { boolOf, dictOf, get, N, nameOf, numberOf, objects, refText, resolve, streamData } from "./cos.js";
import { jp2Summary } from "./jp2.js";
import type { Check, CheckContext } from "./types.js";
import { opsOf, resourceDicts, streamsOf } from "./walk.js";

const BLEND = new Set(
  "Normal Compatible Multiply Screen Overlay Darken Lighten ColorDodge ColorBurn HardLight SoftLight Difference Exclusion Hue Saturation Color Luminosity".split(
    " ",
  ),
);
export const INTENTS = new Set(["RelativeColorimetric", "AbsoluteColorimetric", "Perceptual", "Saturation"]);

const entries = (doc: PDFDocument, res: PDFDict, key: string) => [...(dictOf(doc, get(doc, res, key))?.entries() ?? [])];

function extGStates(ctx: CheckContext) {
  const { doc } = ctx;
  const out: { gs: PDFDict; page?: number; object: string }[] = [];
  for (const r of resourceDicts(streamsOf(doc)))
    for (const [k, v] of entries(doc, r.resources, "ExtGState")) {
      const gs = dictOf(doc, v);
      if (gs) out.push({ gs, page: r.page, object: `ExtGState ${k.decodeText()} (${v})` });
    }
  return out;
}

function halftone(ctx: CheckContext, ht: PDFObject | undefined, where: { page?: number; object: string }, sub?: string) {
  const { doc } = ctx;
  const d = dictOf(doc, ht);
  if (!d) return;
  const type = numberOf(get(doc, d, "HalftoneType"));
  if (sub === undefined && type !== 1 && type !== 5) ctx.fail({ a: "6.2.5-4" }, where, `HalftoneType ${type}`);
  if (d.has(N("HalftoneName"))) ctx.fail({ a: "6.2.5-5" }, where, "halftone with HalftoneName");
  if (sub !== undefined && sub !== "Default") {
    const process = ["Cyan", "Magenta", "Yellow", "Black"].includes(sub);
    if (process === d.has(N("TransferFunction")))
      ctx.fail({ a: "6.2.5-6" }, where, `halftone for ${sub} ${process ? "with" : "without"} TransferFunction`);
  }
  if (type === 5) for (const [k, v] of d.entries()) if (dictOf(doc, v)?.has(N("HalftoneType"))) halftone(ctx, v, where, k.decodeText());
}

function images(doc: PDFDocument) {
  const out: { img: PDFRawStream; object: string; mask: boolean }[] = [];
  const masks = new Set<PDFObject>();
  for (const [, obj] of objects(doc))
    if (obj instanceof PDFRawStream && nameOf(obj.dict.get(N("Subtype"))) === "Image") {
      const m = resolve(doc, obj.dict.get(N("Mask")));
      if (m instanceof PDFRawStream) masks.add(m);
    }
  for (const [ref, obj] of objects(doc))
    if (obj instanceof PDFRawStream && nameOf(obj.dict.get(N("Subtype"))) === "Image")
      out.push({ img: obj, object: `Image XObject ${ref}`, mask: masks.has(obj) });
  return out;
}

export const graphicsChecks: Check[] = [
  {
    family: "graphics-state",
    ids: [
      { a: "6.2.5-1" },
      { a: "6.2.5-2" },
      { a: "6.2.5-3" },
      { a: "6.2.5-4" },
      { a: "6.2.5-5" },
      { a: "6.2.5-6" },
      { a: "6.2.6-1" },
      { a: "6.2.10-1" },
    ],
    run(ctx) {
      const { doc } = ctx;
      for (const { gs, ...where } of extGStates(ctx)) {
        if (gs.has(N("TR"))) ctx.fail({ a: "6.2.5-1" }, where, "TR (transfer function)");
        const tr2 = get(doc, gs, "TR2");
        if (tr2 && nameOf(tr2) !== "Default") ctx.fail({ a: "6.2.5-2" }, where, "TR2 other than Default");
        if (gs.has(N("HTP"))) ctx.fail({ a: "6.2.5-3" }, where, "HTP");
        halftone(ctx, gs.get(N("HT")), where);
        const ri = nameOf(get(doc, gs, "RI"));
        if (gs.has(N("RI")) && !INTENTS.has(ri ?? "")) ctx.fail({ a: "6.2.6-1" }, where, `rendering intent ${ri}`);
        const bm = get(doc, gs, "BM");
        for (const b of bm instanceof PDFArray ? bm.asArray() : bm ? [bm] : [])
          if (!BLEND.has(nameOf(resolve(doc, b)) ?? "")) ctx.fail({ a: "6.2.10-1" }, where, `blend mode ${nameOf(b)}`);
      }
      for (const { img, object } of images(doc)) {
        const intent = nameOf(img.dict.get(N("Intent")));
        if (img.dict.has(N("Intent")) && !INTENTS.has(intent ?? "")) ctx.fail({ a: "6.2.6-1" }, { object }, `rendering intent ${intent}`);
      }
      for (const s of streamsOf(doc))
        for (const o of opsOf(s))
          if (o.op === "ri" && !INTENTS.has(opName(o.operands[0]) ?? ""))
            ctx.fail({ a: "6.2.6-1" }, { page: s.page, object: s.object }, `ri ${opName(o.operands[0])}`);
    },
  },
  {
    family: "images",
    ids: [
      { a: "6.2.8-1" },
      { a: "6.2.8-2" },
      { a: "6.2.8-3" },
      { a: "6.2.8-4" },
      { a: "6.2.8-5" },
      { a: "6.2.8.3-1" },
      { a: "6.2.8.3-2" },
      { a: "6.2.8.3-3" },
      { a: "6.2.8.3-4" },
      { a: "6.2.8.3-5" },
    ],
    run(ctx) {
      const { doc } = ctx;
      for (const { img, object, mask } of images(doc)) {
        const where = { object };
        if (img.dict.has(N("Alternates"))) ctx.fail({ a: "6.2.8-1" }, where, "image with Alternates");
        if (img.dict.has(N("OPI"))) ctx.fail({ a: "6.2.8-2" }, where, "image with OPI");
        if (boolOf(get(doc, img.dict, "Interpolate")) === true) ctx.fail({ a: "6.2.8-3" }, where, "Interpolate true");
        const bpc = numberOf(get(doc, img.dict, "BitsPerComponent"));
        const isMask = boolOf(get(doc, img.dict, "ImageMask")) === true;
        if (!isMask && bpc !== undefined && ![1, 2, 4, 8, 16].includes(bpc)) ctx.fail({ a: "6.2.8-4" }, where, `BitsPerComponent ${bpc}`);
        if (mask && bpc !== undefined && bpc !== 1) ctx.fail({ a: "6.2.8-5" }, where, `mask image with BitsPerComponent ${bpc}`);
        const filter = get(doc, img.dict, "Filter");
        const filters = filter instanceof PDFArray ? filter.asArray().map((x) => nameOf(resolve(doc, x))) : [nameOf(filter)];
        if (!filters.includes("JPXDecode")) continue;
        const jp2 = jp2Summary(img.contents);
        const hasCS = img.dict.has(N("ColorSpace"));
        if (!jp2) {
          ctx.fail({ a: "6.2.8.3-1" }, where, "JPEG 2000 data without a readable image header");
          continue;
        }
        if (![1, 3, 4].includes(jp2.channels)) ctx.fail({ a: "6.2.8.3-1" }, where, `${jp2.channels} colour channels`);
        if (!hasCS && jp2.colr.length !== 1 && jp2.colr.filter((c) => c.approx === 1).length !== 1)
          ctx.fail({ a: "6.2.8.3-2" }, where, `${jp2.colr.length} colour specifications, none alone approximate`);
        const first = jp2.colr[0];
        if (!hasCS && first && ![1, 2, 3].includes(first.method)) ctx.fail({ a: "6.2.8.3-3" }, where, `colour method ${first.method}`);
        if (!hasCS && first?.enumCS === 19) ctx.fail({ a: "6.2.8.3-4" }, where, "enumerated colour space 19 (CIEJab)");
        if (jp2.bpcc || jp2.bitDepth < 1 || jp2.bitDepth > 38)
          ctx.fail({ a: "6.2.8.3-5" }, where, `bit depth ${jp2.bitDepth}${jp2.bpcc ? ", bpcc box" : ""}`);
      }
    },
  },
  {
    family: "xobjects",
    ids: [{ a: "6.2.9-1" }, { a: "6.2.9-2", ua: "7.20-1" }, { a: "6.2.9-3" }, { ua: "7.20-2" }],
    run(ctx) {
      const { doc } = ctx;
      for (const [ref, obj] of objects(doc)) {
        if (!(obj instanceof PDFRawStream) || nameOf(obj.dict.get(N("Type"))) === "EmbeddedFile") continue;
        const sub = nameOf(obj.dict.get(N("Subtype")));
        const where = { object: `XObject ${ref}` };
        if (sub === "PS") ctx.fail({ a: "6.2.9-3" }, where, "PostScript XObject");
        if (sub !== "Form") continue;
        if (nameOf(obj.dict.get(N("Subtype2"))) === "PS" || obj.dict.has(N("PS")) || obj.dict.has(N("OPI")))
          ctx.fail({ a: "6.2.9-1" }, where, "form XObject with PostScript or OPI");
        if (obj.dict.has(N("Ref"))) ctx.fail({ a: "6.2.9-2", ua: "7.20-1" }, where, "reference XObject (Ref)");
      }
      // A form holding tagged content can have one place in the structure: painted once.
      const paints = new Map<PDFRawStream, number>();
      for (const s of streamsOf(doc))
        for (const o of opsOf(s)) {
          const name = o.op === "Do" ? opName(o.operands[0]) : undefined;
          const x = name ? get(doc, dictOf(doc, get(doc, s.resources, "XObject")), name) : undefined;
          if (!(x instanceof PDFRawStream) || nameOf(x.dict.get(N("Subtype"))) !== "Form") continue;
          const tagged = /\/MCID\s+\d/.test(Buffer.from(streamData(doc, x) ?? new Uint8Array()).toString("latin1"));
          if (tagged || x.dict.has(N("StructParents"))) paints.set(x, (paints.get(x) ?? 0) + 1);
        }
      for (const [x, count] of paints)
        if (count > 1)
          ctx.fail({ ua: "7.20-2" }, { object: `Form XObject ${refText(doc, x) ?? ""}` }, `tagged form painted ${count} times`);
    },
  },
];
