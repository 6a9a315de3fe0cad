// What content streams do (ISO 19005-3 6.1.10, 6.1.13-8, 6.2.2): only the
// operators ISO 32000-1 defines, q/Q nested 28 deep at most, inline images
// with the filters PDF/A allows, and no resource a form, pattern, glyph or
// appearance takes from its page instead of its own Resources.
import { PDFDict } from "pdf-lib";
import { DEFINED_OPERATORS, opName } from "./content.js";
import { dictOf, get, N } from "./cos.js";
import type { Check } from "./types.js";
import { opsOf, streamsOf } from "./walk.js";

const INLINE_FILTERS = new Set([
  "ASCIIHexDecode",
  "ASCII85Decode",
  "FlateDecode",
  "RunLengthDecode",
  "CCITTFaxDecode",
  "DCTDecode",
  "AHx",
  "A85",
  "Fl",
  "RL",
  "CCF",
  "DCT",
]);
/** Operator → the resource category its first operand names. */
const NAMES: Record<string, string> = { Tf: "Font", Do: "XObject", gs: "ExtGState", sh: "Shading", cs: "ColorSpace", CS: "ColorSpace" };
const DEVICE = new Set(["DeviceRGB", "DeviceGray", "DeviceCMYK", "Pattern"]);

export const operatorChecks: Check[] = [
  {
    family: "operators",
    ids: [{ a: "6.2.2-1" }, { a: "6.1.13-8" }, { a: "6.1.10-1" }, { a: "6.2.2-2" }],
    run(ctx) {
      const { doc } = ctx;
      for (const s of streamsOf(doc)) {
        const where = { page: s.page, object: s.object };
        const undefinedOps = new Set<string>();
        const inherited = new Set<string>();
        let depth = 0;
        let deepest = 0;
        for (const o of opsOf(s)) {
          if (!DEFINED_OPERATORS.has(o.op)) undefinedOps.add(o.op);
          if (o.op === "q") deepest = Math.max(deepest, ++depth);
          else if (o.op === "Q") depth--;
          else if (o.op === "BI") {
            const f = o.inline?.F ?? o.inline?.Filter;
            const names = Array.isArray(f) ? f.map((x) => opName(x)) : f ? [opName(f)] : [];
            for (const n of names) if (!n || !INLINE_FILTERS.has(n)) ctx.fail({ a: "6.1.10-1" }, where, `inline image filter ${n}`);
          }
          const category = NAMES[o.op];
          const name = category ? opName(o.operands[0]) : undefined;
          if (s.kind !== "page" && category && name && !DEVICE.has(name)) {
            const own = dictOf(doc, get(doc, s.resources, category));
            if (!(own instanceof PDFDict) || !own.has(N(name))) inherited.add(`${category} ${name}`);
          }
        }
        if (undefinedOps.size) ctx.fail({ a: "6.2.2-1" }, where, `operators not in ISO 32000-1: ${[...undefinedOps].join(" ")}`);
        if (deepest > 28) ctx.fail({ a: "6.1.13-8" }, where, `q nested ${deepest} deep`);
        if (inherited.size) ctx.fail({ a: "6.2.2-2" }, where, `resources not in the stream's own Resources: ${[...inherited].join(", ")}`);
      }
    },
  },
];
