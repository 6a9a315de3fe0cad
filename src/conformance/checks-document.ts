// Document-level rules: trailer, catalog, XMP identification, output intent, viewer preferences.
import { PDFDict, PDFRawStream } from "pdf-lib";
import { arrayOf, boolOf, dictOf, get, N, nameOf, streamData } from "./cos.js";
import type { Check } from "./types.js";

const xmpText = (ctx: Parameters<Check["run"]>[0]) => {
  const data = streamData(ctx.doc, ctx.doc.catalog.get(N("Metadata")));
  return data ? Buffer.from(data).toString("utf8") : undefined;
};

export const documentChecks: Check[] = [
  {
    family: "trailer",
    ids: [{ a: "6.1.3-1" }, { a: "6.1.3-2", ua: "7.16-1" }, { a: "6.1.2-1" }],
    run(ctx) {
      const head = Buffer.from(ctx.bytes.subarray(0, 9)).toString("latin1");
      if (!/^%PDF-1\.\d[\r\n]/.test(head)) ctx.fail({ a: "6.1.2-1" }, { object: "header" }, `header is ${JSON.stringify(head)}`);
      const trailer = ctx.doc.context.trailerInfo;
      if (trailer.Encrypt) ctx.fail({ a: "6.1.3-2", ua: "7.16-1" }, { object: "trailer" }, "the file is encrypted");
      if (!trailer.ID) ctx.fail({ a: "6.1.3-1" }, { object: "trailer" }, "no ID in the trailer");
    },
  },
  {
    family: "xmp",
    ids: [
      { a: "6.6.2.1-1", ua: "7.1-8" },
      { a: "6.6.4-1" },
      { a: "6.6.4-2" },
      { a: "6.6.4-3" },
      { ua: "5-1" },
      { ua: "7.1-9" },
      { a: "6.6.2.1-2" },
      { a: "6.6.2.1-3" },
    ],
    run(ctx) {
      const meta = ctx.doc.catalog.get(N("Metadata"));
      const stream = ctx.doc.context.lookup(meta);
      if (!(stream instanceof PDFRawStream) || nameOf(stream.dict.get(N("Subtype"))) !== "XML") {
        ctx.fail({ a: "6.6.2.1-1", ua: "7.1-8" }, { object: "Catalog" }, "no XML Metadata stream in the catalog");
        return;
      }
      const xmp = xmpText(ctx) ?? "";
      const header = /<\?xpacket begin=[^?]*\?>/.exec(xmp)?.[0] ?? "";
      if (/\bbytes=/.test(header)) ctx.fail({ a: "6.6.2.1-2" }, { object: "XMP packet" }, "bytes attribute in the packet header");
      if (/\bencoding=/.test(header)) ctx.fail({ a: "6.6.2.1-3" }, { object: "XMP packet" }, "encoding attribute in the packet header");
      const part = /pdfaid:part(?:>|=")(\d)/.exec(xmp)?.[1];
      const conf = /pdfaid:conformance(?:>|=")([ABU])/.exec(xmp)?.[1];
      if (!part) ctx.fail({ a: "6.6.4-1" }, { object: "XMP packet" }, "no pdfaid:part");
      else if (part !== "3") ctx.fail({ a: "6.6.4-2" }, { object: "XMP packet" }, `pdfaid:part is ${part}, not 3`);
      if (part && conf !== "A")
        ctx.fail({ a: "6.6.4-3" }, { object: "XMP packet" }, `pdfaid:conformance is ${conf}, the checks are for level A`);
      if (ctx.standards.includes("PDF/UA-1")) {
        if (!/pdfuaid:part(?:>|=")1/.test(xmp)) ctx.fail({ ua: "5-1" }, { object: "XMP packet" }, "no pdfuaid:part 1");
        if (!/<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>[^<]+</.test(xmp)) ctx.fail({ ua: "7.1-9" }, { object: "XMP packet" }, "no dc:title");
      }
    },
  },
  {
    family: "output-intent-present",
    ids: [{ a: "6.2.4.3-2" }],
    run(ctx) {
      const intents = arrayOf(ctx.doc, get(ctx.doc, ctx.doc.catalog, "OutputIntents")) ?? [];
      const pdfa = intents.map((i) => dictOf(ctx.doc, i)).filter((d) => nameOf(get(ctx.doc, d, "S")) === "GTS_PDFA1");
      if (pdfa.length === 0) {
        ctx.fail({ a: "6.2.4.3-2" }, { object: "Catalog" }, "no GTS_PDFA1 output intent (device colour spaces are used)");
        return;
      }
      const icc = dictOf(ctx.doc, pdfa[0]?.get(N("DestOutputProfile")));
      const n = icc?.get(N("N"))?.toString();
      if (n !== "3") ctx.fail({ a: "6.2.4.3-2" }, { object: "DestOutputProfile" }, `the output profile has N ${n}, not an RGB profile`);
    },
  },
  {
    family: "catalog",
    ids: [{ a: "6.7.2.2-1", ua: "6.2-1" }, { ua: "7.1-4" }, { a: "6.7.3.3-1", ua: "7.1-11" }, { ua: "7.1-10" }, { ua: "7.2-33" }],
    run(ctx) {
      const { doc } = ctx;
      const mark = dictOf(doc, get(doc, doc.catalog, "MarkInfo"));
      if (boolOf(get(doc, mark, "Marked")) !== true)
        ctx.fail({ a: "6.7.2.2-1", ua: "6.2-1" }, { object: "Catalog" }, "MarkInfo Marked is not true");
      if (!(get(doc, doc.catalog, "StructTreeRoot") instanceof PDFDict))
        ctx.fail({ a: "6.7.3.3-1", ua: "7.1-11" }, { object: "Catalog" }, "no StructTreeRoot");
      if (!ctx.standards.includes("PDF/UA-1")) return;
      if (boolOf(get(doc, mark, "Suspects")) === true) ctx.fail({ ua: "7.1-4" }, { object: "MarkInfo" }, "Suspects is true");
      const prefs = dictOf(doc, get(doc, doc.catalog, "ViewerPreferences"));
      if (boolOf(get(doc, prefs, "DisplayDocTitle")) !== true)
        ctx.fail({ ua: "7.1-10" }, { object: "Catalog" }, "DisplayDocTitle is not true");
      if (!get(doc, doc.catalog, "Lang")) ctx.fail({ ua: "7.2-33" }, { object: "Catalog" }, "no Lang in the catalog");
    },
  },
];
