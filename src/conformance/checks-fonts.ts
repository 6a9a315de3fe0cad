// Font dictionaries (ISO 19005-3 6.2.11.2-6.2.11.6, UA 7.21.3-7.21.6): types
// and names, simple fonts' FirstChar/LastChar/Widths, CMaps (predefined or
// embedded, WMode, CIDs), CIDSet against the program, Type 1 CharSet, and
// TrueType encodings and cmap subtables. Chromium writes Type0 fonts over
// CIDFontType2 subsets with Identity-H: the simple-font rules run on any other.
import { PDFDict, PDFRawStream } from "pdf-lib";
import { readCMapFile } from "./cmap.js";
import { arrayOf, dictOf, get, N, nameOf, numberOf, objects, resolve, streamData, textOf } from "./cos.js";
import { readTrueType } from "./truetype.js";
import { type1GlyphNames } from "./type1.js";
import type { Check } from "./types.js";

const PREDEFINED = new Set(
  "Identity-H Identity-V GB-EUC-H GB-EUC-V GBpc-EUC-H GBpc-EUC-V GBK-EUC-H GBK-EUC-V GBKp-EUC-H GBKp-EUC-V GBK2K-H GBK2K-V UniGB-UCS2-H UniGB-UCS2-V UniGB-UTF16-H UniGB-UTF16-V B5pc-H B5pc-V HKscs-B5-H HKscs-B5-V ETen-B5-H ETen-B5-V ETenms-B5-H ETenms-B5-V CNS-EUC-H CNS-EUC-V UniCNS-UCS2-H UniCNS-UCS2-V UniCNS-UTF16-H UniCNS-UTF16-V 83pv-RKSJ-H 90ms-RKSJ-H 90ms-RKSJ-V 90msp-RKSJ-H 90msp-RKSJ-V 90pv-RKSJ-H Add-RKSJ-H Add-RKSJ-V EUC-H EUC-V Ext-RKSJ-H Ext-RKSJ-V H V UniJIS-UCS2-H UniJIS-UCS2-V UniJIS-UCS2-HW-H UniJIS-UCS2-HW-V UniJIS-UTF16-H UniJIS-UTF16-V KSC-EUC-H KSC-EUC-V KSCms-UHC-H KSCms-UHC-V KSCms-UHC-HW-H KSCms-UHC-HW-V KSCpc-EUC-H UniKS-UCS2-H UniKS-UCS2-V UniKS-UTF16-H UniKS-UTF16-V".split(
    " ",
  ),
);
const SUBTYPES = new Set(["Type1", "MMType1", "TrueType", "Type3", "Type0", "CIDFontType0", "CIDFontType2"]);
const STANDARD_14 = new Set(
  "Times-Roman Times-Bold Times-Italic Times-BoldItalic Helvetica Helvetica-Bold Helvetica-Oblique Helvetica-BoldOblique Courier Courier-Bold Courier-Oblique Courier-BoldOblique Symbol ZapfDingbats".split(
    " ",
  ),
);

export const fontChecks: Check[] = [
  {
    family: "font-dictionaries",
    ids: [
      { a: "6.2.11.2-1" },
      { a: "6.2.11.2-2" },
      { a: "6.2.11.2-3" },
      { a: "6.2.11.2-4" },
      { a: "6.2.11.2-5" },
      { a: "6.2.11.2-6" },
      { a: "6.2.11.2-7" },
      { a: "6.2.11.3.1-1", ua: "7.21.3.1-1" },
      { a: "6.2.11.3.3-1", ua: "7.21.3.3-1" },
      { a: "6.2.11.3.3-2", ua: "7.21.3.3-2" },
      { a: "6.2.11.3.3-3", ua: "7.21.3.3-3" },
      { a: "6.1.13-10" },
    ],
    run(ctx) {
      const { doc } = ctx;
      for (const [ref, obj] of objects(doc)) {
        if (!(obj instanceof PDFDict) || !(nameOf(obj.get(N("Type"))) === "Font" || (obj.has(N("BaseFont")) && obj.has(N("Subtype")))))
          continue;
        const sub = nameOf(get(doc, obj, "Subtype")) ?? "";
        const base = nameOf(get(doc, obj, "BaseFont"));
        const where = { object: `Font ${base ?? sub} (${ref})` };
        if (nameOf(obj.get(N("Type"))) !== "Font") ctx.fail({ a: "6.2.11.2-1" }, where, "font dictionary without Type Font");
        if (!SUBTYPES.has(sub)) ctx.fail({ a: "6.2.11.2-2" }, where, `font Subtype ${sub}`);
        if (sub !== "Type3" && !base) ctx.fail({ a: "6.2.11.2-3" }, where, "no BaseFont");
        const simple = ["Type1", "MMType1", "TrueType", "Type3"].includes(sub);
        if (simple && !(STANDARD_14.has(base ?? "") && !dictOf(doc, get(doc, obj, "FontDescriptor")))) {
          const first = numberOf(get(doc, obj, "FirstChar"));
          const last = numberOf(get(doc, obj, "LastChar"));
          if (first === undefined) ctx.fail({ a: "6.2.11.2-4" }, where, "no FirstChar");
          if (last === undefined) ctx.fail({ a: "6.2.11.2-5" }, where, "no LastChar");
          const widths = arrayOf(doc, get(doc, obj, "Widths"));
          if (first === undefined || last === undefined || widths?.length !== last - first + 1)
            ctx.fail({ a: "6.2.11.2-6" }, where, "Widths does not cover FirstChar..LastChar");
        }
        const fd = dictOf(doc, get(doc, obj, "FontDescriptor"));
        const ff3 = resolve(doc, fd?.get(N("FontFile3")));
        const ff3sub = ff3 instanceof PDFRawStream ? nameOf(ff3.dict.get(N("Subtype"))) : undefined;
        if (ff3 && !["Type1C", "CIDFontType0C", "OpenType"].includes(ff3sub ?? ""))
          ctx.fail({ a: "6.2.11.2-7" }, where, `FontFile3 Subtype ${ff3sub}`);
        if (sub !== "Type0") continue;
        const enc = resolve(doc, obj.get(N("Encoding")));
        const cid = dictOf(doc, arrayOf(doc, get(doc, obj, "DescendantFonts"))?.[0]);
        const info = dictOf(doc, get(doc, cid, "CIDSystemInfo"));
        const cmapName = enc instanceof PDFRawStream ? nameOf(enc.dict.get(N("CMapName"))) : nameOf(enc);
        if (cmapName !== "Identity-H" && cmapName !== "Identity-V") {
          const cinfo = enc instanceof PDFRawStream ? dictOf(doc, get(doc, enc.dict, "CIDSystemInfo")) : undefined;
          const same = (k: string) => textOf(get(doc, info, k)) !== undefined && textOf(get(doc, info, k)) === textOf(get(doc, cinfo, k));
          const sup = [numberOf(get(doc, info, "Supplement")), numberOf(get(doc, cinfo, "Supplement"))];
          if (!cinfo || !same("Registry") || !same("Ordering") || sup[0] === undefined || sup[1] === undefined || sup[0] > sup[1])
            ctx.fail({ a: "6.2.11.3.1-1", ua: "7.21.3.1-1" }, where, "CIDSystemInfo of the font and of its CMap are not compatible");
        }
        if (!(enc instanceof PDFRawStream) && !PREDEFINED.has(cmapName ?? ""))
          ctx.fail({ a: "6.2.11.3.3-1", ua: "7.21.3.3-1" }, where, `CMap ${cmapName} neither predefined nor embedded`);
        if (enc instanceof PDFRawStream) {
          const file = readCMapFile(Buffer.from(streamData(doc, enc) ?? new Uint8Array()).toString("latin1"));
          const dictWMode = numberOf(get(doc, enc.dict, "WMode")) ?? 0;
          if (file.wmode !== dictWMode)
            ctx.fail({ a: "6.2.11.3.3-2", ua: "7.21.3.3-2" }, where, `CMap WMode ${file.wmode}, dictionary ${dictWMode}`);
          if (file.maxCID > 65535) ctx.fail({ a: "6.1.13-10" }, where, `CID ${file.maxCID} above 65535`);
          const use = resolve(doc, enc.dict.get(N("UseCMap")));
          const used = use instanceof PDFRawStream ? nameOf(use.dict.get(N("CMapName"))) : (nameOf(use) ?? file.uses);
          if ((use || file.uses) && !PREDEFINED.has(used ?? ""))
            ctx.fail({ a: "6.2.11.3.3-3", ua: "7.21.3.3-3" }, where, `CMap uses ${used}, not a predefined CMap`);
        }
      }
    },
  },
  {
    family: "font-programs",
    ids: [
      { a: "6.2.11.4.2-1", ua: "7.21.4.2-1" },
      { a: "6.2.11.4.2-2", ua: "7.21.4.2-2" },
      { a: "6.2.11.6-1", ua: "7.21.6-1" },
      { a: "6.2.11.6-2", ua: "7.21.6-2" },
      { a: "6.2.11.6-3", ua: "7.21.6-3" },
      { a: "6.2.11.6-4", ua: "7.21.6-4" },
    ],
    run(ctx) {
      const { doc } = ctx;
      for (const [ref, obj] of objects(doc)) {
        if (!(obj instanceof PDFDict) || nameOf(obj.get(N("Type"))) !== "Font") continue;
        const sub = nameOf(get(doc, obj, "Subtype"));
        const base = nameOf(get(doc, obj, "BaseFont")) ?? "";
        const where = { object: `Font ${base || sub} (${ref})` };
        const fd = dictOf(doc, get(doc, obj, "FontDescriptor"));
        const subset = /^[A-Z]{6}\+/.test(base);
        if (sub === "Type1" && subset && fd?.has(N("CharSet")) && fd.has(N("FontFile"))) {
          const names = type1GlyphNames(streamData(doc, fd.get(N("FontFile"))) ?? new Uint8Array());
          const listed = (textOf(get(doc, fd, "CharSet")) ?? "").split("/").filter(Boolean);
          const missing = names ? [...names].filter((g) => g !== ".notdef" && !listed.includes(g)) : ["(program not readable)"];
          if (missing.length)
            ctx.fail({ a: "6.2.11.4.2-1", ua: "7.21.4.2-1" }, where, `CharSet does not list ${missing.slice(0, 5).join(" ")}`);
        }
        if ((sub === "CIDFontType2" || sub === "CIDFontType0") && subset && fd?.has(N("CIDSet"))) {
          const set = streamData(doc, fd.get(N("CIDSet"))) ?? new Uint8Array();
          const tt = sub === "CIDFontType2" ? readTrueType(streamData(doc, fd.get(N("FontFile2"))) ?? new Uint8Array()) : undefined;
          const map = get(doc, obj, "CIDToGIDMap");
          const gidMap = map instanceof PDFRawStream ? streamData(doc, map) : undefined;
          const has = (cid: number) => (((set[cid >> 3] ?? 0) >> (7 - (cid & 7))) & 1) === 1;
          let missing = tt ? 0 : -1;
          if (tt) {
            const cids = gidMap
              ? Array.from({ length: gidMap.length >> 1 }, (_, c) => c).filter(
                  (c) =>
                    ((gidMap[2 * c] ?? 0) << 8) + (gidMap[2 * c + 1] ?? 0) < tt.numGlyphs &&
                    (c === 0 || ((gidMap[2 * c] ?? 0) << 8) + (gidMap[2 * c + 1] ?? 0) > 0),
                )
              : Array.from({ length: tt.numGlyphs }, (_, c) => c);
            missing = cids.filter((c) => !has(c)).length;
          }
          if (missing !== 0)
            ctx.fail(
              { a: "6.2.11.4.2-2", ua: "7.21.4.2-2" },
              where,
              missing < 0 ? "CIDSet with a program this checker does not read" : `CIDSet misses ${missing} CIDs of the program`,
            );
        }
        if (sub !== "TrueType") continue;
        const symbolic = ((numberOf(get(doc, fd, "Flags")) ?? 0) & 4) === 4;
        const tt = readTrueType(streamData(doc, fd?.get(N("FontFile2"))) ?? new Uint8Array());
        const cmaps = tt?.cmaps ?? [];
        const has30 = cmaps.some(([p, e]) => p === 3 && e === 0);
        const enc = resolve(doc, obj.get(N("Encoding")));
        const encName = enc instanceof PDFDict ? nameOf(get(doc, enc, "BaseEncoding")) : nameOf(enc);
        if (!symbolic) {
          if (tt && !(has30 ? cmaps.length > 1 : cmaps.length > 0))
            ctx.fail({ a: "6.2.11.6-1", ua: "7.21.6-1" }, where, "non-symbolic TrueType without a non-symbolic cmap");
          if (encName !== "MacRomanEncoding" && encName !== "WinAnsiEncoding")
            ctx.fail({ a: "6.2.11.6-2", ua: "7.21.6-2" }, where, `non-symbolic TrueType with Encoding ${encName}`);
        } else {
          if (enc) ctx.fail({ a: "6.2.11.6-3", ua: "7.21.6-3" }, where, "symbolic TrueType with an Encoding");
          if (tt && !(cmaps.length === 1 || has30))
            ctx.fail({ a: "6.2.11.6-4", ua: "7.21.6-4" }, where, "symbolic TrueType cmap neither single nor (3,0)");
        }
      }
    },
  },
];
