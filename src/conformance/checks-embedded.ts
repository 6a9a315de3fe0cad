// Embedded files (PDF/A-3 6.8, PDF/UA-1 7.11): the open data attached to every
// edition (src/pdf/attachments.ts). A file specification is a dictionary of
// /Type /Filespec or one that carries /EF; its embedded files are the streams
// its /EF names. "Associated" means listed in an /AF array anywhere in the file.
import { PDFArray, PDFDict, type PDFObject, PDFRawStream, PDFRef } from "pdf-lib";
import { dictOf, get, inside, N, nameOf, objects, resolve, textOf } from "./cos.js";
import type { Check, CheckContext } from "./types.js";

// ISO 32000-2, 7.11.3, table 43 (PDF/A-3 takes the list from its annex): the relationships a reader knows.
const RELATIONSHIPS = new Set(["Source", "Data", "Alternative", "Supplement", "EncryptedPayload", "FormData", "Schema", "Unspecified"]);
// RFC 6838 type/subtype, as veraPDF's 6.8-1 tests it.
const MIME = /^[-\w+.]+\/[-\w+.]+$/;

interface Spec {
  dict: PDFDict;
  label: string;
}

/** Every file specification dictionary, direct or indirect, once. */
function fileSpecs(ctx: CheckContext): Spec[] {
  const seen = new Set<PDFDict>();
  const out: Spec[] = [];
  for (const [ref, obj] of objects(ctx.doc))
    for (const { value } of inside(obj)) {
      if (!(value instanceof PDFDict) || seen.has(value)) continue;
      if (nameOf(value.get(N("Type"))) !== "Filespec" && !value.has(N("EF"))) continue;
      seen.add(value);
      const name = textOf(get(ctx.doc, value, "UF")) ?? textOf(get(ctx.doc, value, "F")) ?? "?";
      out.push({ dict: value, label: `Filespec ${name} (${value === obj ? ref.toString() : `in ${ref.toString()}`})` });
    }
  return out;
}

/** The specifications some /AF array lists (by reference or directly). */
function associated(ctx: CheckContext): Set<PDFDict> {
  const found = new Set<PDFDict>();
  const add = (o: PDFObject) => {
    const d = dictOf(ctx.doc, o);
    if (d) found.add(d);
  };
  for (const [, obj] of objects(ctx.doc))
    for (const { key, value } of inside(obj)) {
      if (key !== "AF") continue;
      const list = resolve(ctx.doc, value);
      if (list instanceof PDFArray) for (const x of list.asArray()) add(x);
      else if (value instanceof PDFRef) add(value);
    }
  return found;
}

export const embeddedChecks: Check[] = [
  {
    family: "embedded-files",
    ids: [{ a: "6.8-1" }, { a: "6.8-2" }, { a: "6.8-3" }, { a: "6.8-4" }, { ua: "7.11-1" }],
    run(ctx) {
      const specs = fileSpecs(ctx);
      if (!specs.length) return;
      const linked = associated(ctx);
      for (const { dict, label } of specs) {
        const ef = dictOf(ctx.doc, dict.get(N("EF")));
        const f = textOf(get(ctx.doc, dict, "F"));
        const uf = textOf(get(ctx.doc, dict, "UF"));
        if (ef && (f === undefined || uf === undefined))
          ctx.fail({ a: "6.8-2" }, { object: label }, `an embedded file's specification lacks ${f === undefined ? "F" : "UF"}`);
        if (ef && ctx.standards.includes("PDF/UA-1") && (!f || !uf))
          ctx.fail({ ua: "7.11-1" }, { object: label }, "an embedded file's specification needs non-empty F and UF");
        const relationship = nameOf(get(ctx.doc, dict, "AFRelationship"));
        if (!relationship) ctx.fail({ a: "6.8-3" }, { object: label }, "no AFRelationship");
        else if (!RELATIONSHIPS.has(relationship))
          ctx.fail({ a: "6.8-3" }, { object: label }, `AFRelationship /${relationship} is not one of ISO 32000-2's`);
        if (!linked.has(dict))
          ctx.fail({ a: "6.8-4" }, { object: label }, "listed in no AF array: its relationship to the document is not stated");
        if (!ef) continue;
        const streams = new Set<PDFRawStream>();
        for (const [key, value] of ef.entries()) {
          const stream = resolve(ctx.doc, value);
          // /F and /UF name the same stream, as a rule: one finding for it.
          if (!(stream instanceof PDFRawStream) || streams.has(stream)) continue;
          streams.add(stream);
          const subtype = nameOf(stream.dict.get(N("Subtype")));
          if (!subtype || !MIME.test(subtype))
            ctx.fail(
              { a: "6.8-1" },
              { object: `${label} EF/${key.decodeText()}` },
              subtype ? `Subtype /${subtype} is not a MIME type` : "no Subtype (MIME type) on the embedded file",
            );
        }
      }
    },
  },
];
