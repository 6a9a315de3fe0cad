// File-level syntax (ISO 19005-3 6.1): header bytes, what follows %%EOF,
// cross-reference and object headers, streams, filters, names, strings and the
// implementation limits. Read from the file's bytes where the parsed objects
// no longer say it (spacing, EOL markers), from pdf-lib's objects otherwise.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString } from "pdf-lib";
import { arrayOf, get, N, nameOf, numberOf, objects, pageNumbers, resolve } from "./cos.js";
import type { Check } from "./types.js";
import { allValues } from "./walk.js";

const FILTERS = new Set([
  "ASCIIHexDecode",
  "ASCII85Decode",
  "FlateDecode",
  "RunLengthDecode",
  "CCITTFaxDecode",
  "JBIG2Decode",
  "DCTDecode",
  "JPXDecode",
]);
const utf8 = new TextDecoder("utf-8", { fatal: true });
const validUtf8 = (s: string) => {
  try {
    utf8.decode(Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 255)));
    return true;
  } catch {
    return false;
  }
};

export const fileChecks: Check[] = [
  {
    family: "file-syntax",
    ids: [{ a: "6.1.2-2" }, { a: "6.1.3-3" }, { a: "6.1.4-2" }, { a: "6.1.7.1-2" }, { a: "6.1.9-1" }, { ua: "6.1-1" }],
    run(ctx) {
      const raw = Buffer.from(ctx.bytes).toString("latin1");
      if (!/^%PDF-1\.[0-7][\r\n]/.test(raw))
        ctx.fail({ ua: "6.1-1" }, { object: "header" }, `header is ${JSON.stringify(raw.slice(0, 9))}`);
      const second = /^%PDF-1\.\d(?:\r\n|\r|\n)%(.{4})/s.exec(raw)?.[1];
      if (!second || [...second].some((c) => c.charCodeAt(0) <= 127))
        ctx.fail({ a: "6.1.2-2" }, { object: "header" }, "the header is not followed by a comment of four bytes above 127");
      const eof = raw.lastIndexOf("%%EOF");
      const after = eof < 0 ? "" : raw.slice(eof + 5);
      if (eof < 0 || !/^(\r\n|\r|\n)?$/.test(after))
        ctx.fail({ a: "6.1.3-3" }, { object: "trailer" }, `${after.length} bytes after the last %%EOF`);
      for (const m of raw.matchAll(/(?:^|[\r\n])xref([^\d]*)\d+ \d+/g))
        if (!/^(\r\n|\r|\n)$/.test(m[1] ?? ""))
          ctx.fail({ a: "6.1.4-2" }, { object: `xref at byte ${m.index}` }, "xref not followed by a single EOL");
      let bad = 0;
      for (const m of raw.matchAll(/(?:^|[\r\n])(\d+)(\s+)(\d+)(\s+)obj\b/g)) if (m[2]?.length !== 1 || m[4]?.length !== 1) bad++;
      if (bad)
        ctx.fail({ a: "6.1.9-1" }, { object: "object headers" }, `${bad} object headers not spaced by single white-space characters`);
      let streams = 0;
      for (const m of raw.matchAll(/>>\s*stream(\r\n|\r|\n|[^\r\n])/g)) if (m[1] !== "\r\n" && m[1] !== "\n") streams++;
      for (const m of raw.matchAll(/(.)endstream/gs)) if (m[1] !== "\n" && m[1] !== "\r") streams++;
      if (streams) ctx.fail({ a: "6.1.7.1-2" }, { object: "streams" }, `${streams} stream or endstream keywords without their EOL`);
    },
  },
  {
    family: "streams-and-filters",
    ids: [{ a: "6.1.7.1-1" }, { a: "6.1.7.1-3" }, { a: "6.1.7.2-1" }],
    run(ctx) {
      const { doc } = ctx;
      for (const [ref, obj] of objects(doc)) {
        if (!(obj instanceof PDFRawStream)) continue;
        const where = { object: `stream ${ref}` };
        const length = numberOf(resolve(doc, obj.dict.get(N("Length"))));
        if (length !== undefined && length !== obj.contents.length)
          ctx.fail({ a: "6.1.7.1-1" }, where, `Length ${length}, the stream has ${obj.contents.length} bytes`);
        for (const k of ["F", "FFilter", "FDecodeParms"])
          if (obj.dict.has(N(k))) ctx.fail({ a: "6.1.7.1-3" }, where, `stream dictionary with ${k}`);
        const f = resolve(doc, obj.dict.get(N("Filter")));
        const names = f instanceof PDFArray ? f.asArray().map((x) => nameOf(resolve(doc, x))) : f ? [nameOf(f)] : [];
        for (const name of names) {
          const parms = resolve(doc, obj.dict.get(N("DecodeParms")));
          const cryptIdentity = name === "Crypt" && parms instanceof PDFDict && nameOf(parms.get(N("Name"))) === "Identity";
          if (!name || !(FILTERS.has(name) || cryptIdentity)) ctx.fail({ a: "6.1.7.2-1" }, where, `filter ${name ?? "?"} not allowed`);
        }
      }
    },
  },
  {
    family: "objects-and-limits",
    ids: [
      { a: "6.1.6-1" },
      { a: "6.1.6-2" },
      { a: "6.1.8-1" },
      { a: "6.1.13-1" },
      { a: "6.1.13-2" },
      { a: "6.1.13-3" },
      { a: "6.1.13-4" },
      { a: "6.1.13-5" },
      { a: "6.1.13-7" },
      { a: "6.1.13-11" },
    ],
    run(ctx) {
      const { doc } = ctx;
      const count = doc.context.enumerateIndirectObjects().length;
      for (const { ref, value } of allValues(doc)) {
        const where = { object: `${ref}` };
        if (value instanceof PDFNumber) {
          const v = value.asNumber();
          if (Number.isInteger(v) && Math.abs(v) > 2147483647 && !value.toString().includes("."))
            ctx.fail({ a: "6.1.13-1" }, where, `integer ${v} out of range`);
          else if (Math.abs(v) > 3.403e38) ctx.fail({ a: "6.1.13-2" }, where, `real ${v} out of range`);
          else if (v !== 0 && Math.abs(v) < 1.175e-38) ctx.fail({ a: "6.1.13-5" }, where, `real ${v} too close to zero`);
        } else if (value instanceof PDFHexString) {
          const hex = value.toString().slice(1, -1).replace(/\s+/g, "");
          if (hex.length % 2) ctx.fail({ a: "6.1.6-1" }, where, "hexadecimal string with an odd number of digits");
          if (!/^[0-9A-Fa-f]*$/.test(hex)) ctx.fail({ a: "6.1.6-2" }, where, "hexadecimal string with a non-hex character");
          if (hex.length / 2 > 32767) ctx.fail({ a: "6.1.13-3" }, where, `string of ${hex.length / 2} bytes`);
        } else if (value instanceof PDFString) {
          if (value.asBytes().length > 32767) ctx.fail({ a: "6.1.13-3" }, where, `string of ${value.asBytes().length} bytes`);
        } else if (value instanceof PDFName) {
          const text = value.decodeText();
          if (text.length > 127) ctx.fail({ a: "6.1.13-4" }, where, `name of ${text.length} bytes`);
          if (!validUtf8(text)) ctx.fail({ a: "6.1.8-1" }, where, `name /${value.asString().slice(1)} is not valid UTF-8`);
        }
      }
      if (count > 8388607) ctx.fail({ a: "6.1.13-7" }, { object: "document" }, `${count} indirect objects`);
      for (const [page, n] of pageNumbers(doc))
        for (const box of ["MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox"]) {
          const b = (arrayOf(doc, get(doc, page, box)) ?? []).map((x) => numberOf(resolve(doc, x)) ?? 0);
          if (b.length !== 4) continue;
          const w = Math.abs((b[2] as number) - (b[0] as number));
          const h = Math.abs((b[3] as number) - (b[1] as number));
          if (w < 3 || h < 3 || w > 14400 || h > 14400) ctx.fail({ a: "6.1.13-11" }, { page: n, object: box }, `${box} of ${w} x ${h}`);
        }
    },
  },
];
