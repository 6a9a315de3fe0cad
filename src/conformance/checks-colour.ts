// Output intents and colour spaces (ISO 19005-3 6.2.3, 6.2.4, 6.2.10-2): the
// device spaces every content stream, image, shading and group uses, against
// the output intent's profile; ICC profiles' headers; Separation and DeviceN.
import { PDFArray, type PDFDocument, PDFName, type PDFObject, PDFRawStream } from "pdf-lib";
import { opName } from "./content.js";
import { arrayOf, boolOf, dictOf, get, N, nameOf, numberOf, pageNumbers, resolve, streamData } from "./cos.js";
import type { Check, CheckContext, Where } from "./types.js";
import { opsOf, type Stream, streamsOf } from "./walk.js";

/** An ICC profile's header: version, device class, colour space ("RGB ", "CMYK", "GRAY", "Lab "). */
export function iccHeader(doc: PDFDocument, o: PDFObject | undefined) {
  const data = streamData(doc, o);
  if (!data || data.length < 128) return undefined;
  const s = (a: number) => Buffer.from(data.subarray(a, a + 4)).toString("latin1");
  return { major: data[8] ?? 0, deviceClass: s(12), colorSpace: s(16) };
}

interface Use {
  rgb: boolean;
  cmyk: boolean;
  gray: boolean;
  iccCmyk: boolean;
  transparency: boolean;
}

const INLINE: Record<string, string> = { RGB: "DeviceRGB", G: "DeviceGray", CMYK: "DeviceCMYK" };

export const colourChecks: Check[] = [
  {
    family: "output-intent",
    ids: [{ a: "6.2.3-1" }, { a: "6.2.3-2" }, { a: "6.2.3-3" }],
    run(ctx) {
      const { doc } = ctx;
      const intents = (arrayOf(doc, get(doc, doc.catalog, "OutputIntents")) ?? []).map((i) => dictOf(doc, i));
      const profiles = new Set(intents.map((d) => d?.get(N("DestOutputProfile"))?.toString()).filter(Boolean));
      if (profiles.size > 1) ctx.fail({ a: "6.2.3-2" }, { object: "OutputIntents" }, "output intents with different profiles");
      intents.forEach((d, i) => {
        const where = { object: `OutputIntent ${i} (${nameOf(get(doc, d, "S"))})` };
        if (nameOf(get(doc, d, "S")) === "GTS_PDFX" && d?.has(N("DestOutputProfileRef")))
          ctx.fail({ a: "6.2.3-3" }, where, "DestOutputProfileRef in a PDF/X output intent");
        const p = d?.get(N("DestOutputProfile"));
        if (!p) return;
        const h = iccHeader(doc, p);
        if (!h || !["prtr", "mntr"].includes(h.deviceClass) || !["RGB ", "CMYK", "GRAY"].includes(h.colorSpace) || h.major >= 5)
          ctx.fail({ a: "6.2.3-1" }, where, `output profile ${h ? `${h.deviceClass}/${h.colorSpace} v${h.major}` : "unreadable"}`);
      });
    },
  },
  {
    family: "colour-spaces",
    ids: [
      { a: "6.2.4.2-1" },
      { a: "6.2.4.2-2" },
      { a: "6.2.4.3-2" },
      { a: "6.2.4.3-3" },
      { a: "6.2.4.3-4" },
      { a: "6.2.4.4-1" },
      { a: "6.2.4.4-2" },
      { a: "6.1.13-9" },
      { a: "6.2.10-2" },
    ],
    run(ctx) {
      const { doc } = ctx;
      const intents = (arrayOf(doc, get(doc, doc.catalog, "OutputIntents")) ?? []).map((i) => dictOf(doc, i));
      const pdfa = intents.find((d) => nameOf(get(doc, d, "S")) === "GTS_PDFA1");
      const outputCS = pdfa ? iccHeader(doc, pdfa.get(N("DestOutputProfile")))?.colorSpace : undefined;
      const separations = new Map<string, string>();
      const pageUse = new Map<number, Use>();
      const groups = new Set<number>();
      for (const [page, n] of pageNumbers(doc)) if (dictOf(doc, get(doc, page, "Group"))?.has(N("CS"))) groups.add(n);
      for (const s of streamsOf(doc)) {
        const use: Use = { rgb: false, cmyk: false, gray: false, iccCmyk: false, transparency: false };
        const where: Where = { page: s.page, object: s.object };
        const defaults = dictOf(doc, get(doc, s.resources, "ColorSpace"));
        const space = (cs: PDFObject | undefined, depth = 0): void => {
          const r = resolve(doc, cs);
          if (depth > 8 || !r) return;
          if (r instanceof PDFName) {
            const name = r.decodeText();
            const dev = INLINE[name] ?? name;
            if (dev === "DeviceRGB" && !defaults?.has(N("DefaultRGB"))) use.rgb = true;
            else if (dev === "DeviceCMYK" && !defaults?.has(N("DefaultCMYK"))) use.cmyk = true;
            else if (dev === "DeviceGray" && !defaults?.has(N("DefaultGray"))) use.gray = true;
            else if (defaults?.has(r)) space(defaults.get(r), depth + 1);
            return;
          }
          if (!(r instanceof PDFArray)) return;
          const [family, ...rest] = r.asArray();
          const f = nameOf(resolve(doc, family));
          if (f === "ICCBased") {
            const h = iccHeader(doc, rest[0]);
            const ok =
              h &&
              ["prtr", "mntr", "scnr", "spac"].includes(h.deviceClass) &&
              ["RGB ", "CMYK", "GRAY", "Lab "].includes(h.colorSpace) &&
              h.major < 5;
            if (!ok)
              ctx.fail({ a: "6.2.4.2-1" }, where, `ICC profile ${h ? `${h.deviceClass}/${h.colorSpace} v${h.major}` : "unreadable"}`);
            if (numberOf(get(doc, dictOf(doc, rest[0]), "N")) === 4) use.iccCmyk = true;
          } else if (f === "Indexed" || f === "Pattern") space(rest[0], depth + 1);
          else if (f === "Separation") {
            const name = nameOf(resolve(doc, rest[0])) ?? "";
            const key = `${resolve(doc, rest[1])?.toString()} ${resolve(doc, rest[2])?.toString()}`;
            if (separations.has(name) && separations.get(name) !== key && name !== "All" && name !== "None")
              ctx.fail({ a: "6.2.4.4-2" }, where, `Separation ${name} with another alternate or tint transform`);
            separations.set(name, key);
            space(rest[1], depth + 1);
          } else if (f === "DeviceN") {
            const names = (arrayOf(doc, rest[0]) ?? []).map((x) => nameOf(resolve(doc, x)) ?? "");
            if (names.length > 32) ctx.fail({ a: "6.1.13-9" }, where, `DeviceN with ${names.length} colourants`);
            const colorants = dictOf(doc, get(doc, dictOf(doc, rest[3]), "Colorants"));
            const spots = names.filter((x) => !["Cyan", "Magenta", "Yellow", "Black", "None", "All"].includes(x));
            const missing = spots.filter((x) => !colorants?.has(N(x)));
            if (missing.length) ctx.fail({ a: "6.2.4.4-1" }, where, `DeviceN spot colours without Colorants entry: ${missing.join(", ")}`);
            for (const [, v] of colorants?.entries() ?? []) space(v, depth + 1);
            space(rest[1], depth + 1);
          }
        };
        usesOf(ctx, s, use, space);
        if (use.rgb && outputCS !== "RGB ")
          ctx.fail({ a: "6.2.4.3-2" }, where, "DeviceRGB used without an RGB output intent or DefaultRGB");
        if (use.cmyk && outputCS !== "CMYK")
          ctx.fail({ a: "6.2.4.3-3" }, where, "DeviceCMYK used without a CMYK output intent or DefaultCMYK");
        if (use.gray && !outputCS) ctx.fail({ a: "6.2.4.3-4" }, where, "DeviceGray used without an output intent or DefaultGray");
        if (use.iccCmyk) {
          for (const [, v] of dictOf(doc, get(doc, s.resources, "ExtGState"))?.entries() ?? []) {
            const gs = dictOf(doc, v);
            const op = boolOf(get(doc, gs, "OP")) === true || boolOf(get(doc, gs, "op")) === true;
            if (op && numberOf(get(doc, gs, "OPM")) === 1)
              ctx.fail({ a: "6.2.4.2-2" }, where, "overprint mode 1 with an ICCBased CMYK space");
          }
        }
        if (s.page !== undefined && use.transparency) {
          const u = pageUse.get(s.page) ?? { ...use };
          u.transparency = true;
          pageUse.set(s.page, u);
        }
      }
      for (const [page, u] of pageUse)
        if (u.transparency && !outputCS && !groups.has(page))
          ctx.fail({ a: "6.2.10-2" }, { page, object: "Page" }, "transparency without an output intent or a page group colour space");
    },
  },
];

/** The colour spaces a stream uses (operators, images, shadings, groups), and whether it uses transparency. */
function usesOf(ctx: CheckContext, s: Stream, use: Use, space: (cs: PDFObject | undefined) => void) {
  const { doc } = ctx;
  const res = s.resources;
  const named = (key: string, name: string | undefined) => (name ? get(doc, dictOf(doc, get(doc, res, key)), name) : undefined);
  const group = dictOf(doc, get(doc, s.dict, "Group"));
  if (group?.has(N("CS"))) space(group.get(N("CS")));
  for (const o of opsOf(s)) {
    const a0 = o.operands[0];
    if (o.op === "rg" || o.op === "RG") space(N("DeviceRGB"));
    else if (o.op === "g" || o.op === "G") space(N("DeviceGray"));
    else if (o.op === "k" || o.op === "K") space(N("DeviceCMYK"));
    else if (o.op === "cs" || o.op === "CS") {
      const n = opName(a0);
      space(n && ["DeviceRGB", "DeviceGray", "DeviceCMYK", "Pattern"].includes(n) ? N(n) : named("ColorSpace", n));
    } else if (o.op === "BI" && o.inline) {
      const cs = opName(o.inline.CS ?? o.inline.ColorSpace);
      if (cs) space(INLINE[cs] || cs.startsWith("Device") ? N(INLINE[cs] ?? cs) : named("ColorSpace", cs));
    } else if (o.op === "sh") space(get(doc, dictOf(doc, named("Shading", opName(a0))), "ColorSpace"));
    else if (o.op === "Do") {
      const x = resolve(doc, named("XObject", opName(a0)));
      if (x instanceof PDFRawStream && nameOf(x.dict.get(N("Subtype"))) === "Image") {
        if (x.dict.has(N("ColorSpace"))) space(x.dict.get(N("ColorSpace")));
        if (x.dict.has(N("SMask"))) use.transparency = true;
      }
    } else if (o.op === "gs") {
      const gs = dictOf(doc, named("ExtGState", opName(a0)));
      const smask = get(doc, gs, "SMask");
      const bm = nameOf(get(doc, gs, "BM"));
      const alpha = [numberOf(get(doc, gs, "CA")), numberOf(get(doc, gs, "ca"))].some((x) => x !== undefined && x < 1);
      if ((smask && nameOf(smask) !== "None") || alpha || (bm && bm !== "Normal" && bm !== "Compatible")) use.transparency = true;
    }
  }
}
