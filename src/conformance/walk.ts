// Every content stream of the file with the resources it is read with and the
// page it belongs to: pages, the form XObjects and tiling patterns their
// resources name (followed down, each once), Type 3 glyph procedures and
// annotation appearances. Also every resource dictionary met on the way.
import { type PDFDict, type PDFDocument, type PDFObject, PDFRawStream, PDFRef } from "pdf-lib";
import { type Op, readOps } from "./content.js";
import { arrayOf, dictOf, get, inside, N, nameOf, pageNumbers, resolve, streamData } from "./cos.js";

export interface Stream {
  page?: number;
  /** "page 3 contents", "Form XObject 12 0 R", … */
  object: string;
  kind: "page" | "form" | "pattern" | "type3" | "appearance";
  text: string;
  /** The resources the stream is read with (its own, or for a page the page's). */
  resources?: PDFDict;
  /** The stream's own dictionary (forms, patterns, appearances). */
  dict?: PDFDict;
}

const label = (o: PDFObject | undefined, fallback: string) => (o instanceof PDFRef ? o.toString() : fallback);
const text = (doc: PDFDocument, o: PDFObject | undefined) => Buffer.from(streamData(doc, o) ?? new Uint8Array()).toString("latin1");

export function contentStreams(doc: PDFDocument): Stream[] {
  const out: Stream[] = [];
  const seen = new Set<PDFObject>();
  const fromResources = (res: PDFDict | undefined, page: number | undefined) => {
    if (!res) return;
    for (const [key, kind] of [
      ["XObject", "form"],
      ["Pattern", "pattern"],
    ] as const) {
      const d = dictOf(doc, get(doc, res, key));
      for (const [, ref] of d?.entries() ?? []) {
        const s = resolve(doc, ref);
        if (!(s instanceof PDFRawStream) || seen.has(s)) continue;
        seen.add(s);
        if (kind === "form" && nameOf(s.dict.get(N("Subtype"))) !== "Form") continue;
        if (kind === "pattern" && String(get(doc, s.dict, "PatternType")) !== "1") continue;
        const own = dictOf(doc, get(doc, s.dict, "Resources"));
        out.push({
          page,
          object: `${kind === "form" ? "Form XObject" : "Pattern"} ${label(ref, "inline")}`,
          kind,
          text: text(doc, s),
          resources: own,
          dict: s.dict,
        });
        fromResources(own, page);
      }
    }
    const fonts = dictOf(doc, get(doc, res, "Font"));
    for (const [, ref] of fonts?.entries() ?? []) {
      const f = dictOf(doc, ref);
      if (!f || seen.has(f) || nameOf(get(doc, f, "Subtype")) !== "Type3") continue;
      seen.add(f);
      const own = dictOf(doc, get(doc, f, "Resources"));
      for (const [g, proc] of dictOf(doc, get(doc, f, "CharProcs"))?.entries() ?? [])
        out.push({
          page,
          object: `Type3 glyph ${g.decodeText()} (${label(ref, "font")})`,
          kind: "type3",
          text: text(doc, proc),
          resources: own,
        });
      fromResources(own, page);
    }
  };
  for (const [page, n] of pageNumbers(doc)) {
    const contents = get(doc, page, "Contents");
    const parts = arrayOf(doc, contents) ?? (contents ? [contents] : []);
    const res = dictOf(doc, page.get(N("Resources"))) ?? inheritedResources(doc, page);
    out.push({ page: n, object: `page ${n} contents`, kind: "page", text: parts.map((p) => text(doc, p)).join("\n"), resources: res });
    fromResources(res, n);
    for (const a of arrayOf(doc, get(doc, page, "Annots")) ?? []) {
      const ap = dictOf(doc, get(doc, dictOf(doc, a), "AP"));
      for (const [which, v] of ap?.entries() ?? []) {
        const direct = resolve(doc, v);
        const states =
          direct instanceof PDFRawStream
            ? [[which.decodeText(), v] as const]
            : [...(dictOf(doc, v)?.entries() ?? [])].map(([k, x]) => [`${which.decodeText()}.${k.decodeText()}`, x] as const);
        for (const [state, s] of states) {
          const stream = resolve(doc, s);
          if (!(stream instanceof PDFRawStream) || seen.has(stream)) continue;
          seen.add(stream);
          const own = dictOf(doc, get(doc, stream.dict, "Resources"));
          out.push({
            page: n,
            object: `appearance ${state} of annotation ${label(a, "")}`,
            kind: "appearance",
            text: text(doc, stream),
            resources: own,
            dict: stream.dict,
          });
          fromResources(own, n);
        }
      }
    }
  }
  return out;
}

function inheritedResources(doc: PDFDocument, page: PDFDict): PDFDict | undefined {
  let node: PDFDict | undefined = dictOf(doc, page.get(N("Parent")));
  for (let i = 0; node && i < 32; i++) {
    const r = dictOf(doc, node.get(N("Resources")));
    if (r) return r;
    node = dictOf(doc, node.get(N("Parent")));
  }
  return undefined;
}

/** Every resource dictionary the streams are read with, once each. */
export function resourceDicts(streams: Stream[]): { resources: PDFDict; page?: number; object: string }[] {
  const seen = new Set<PDFDict>();
  const out: { resources: PDFDict; page?: number; object: string }[] = [];
  for (const s of streams)
    if (s.resources && !seen.has(s.resources)) {
      seen.add(s.resources);
      out.push({ resources: s.resources, page: s.page, object: s.object });
    }
  return out;
}

const cache = new WeakMap<PDFDocument, Stream[]>();
/** contentStreams, once per document (several checks read them). */
export function streamsOf(doc: PDFDocument): Stream[] {
  let s = cache.get(doc);
  if (!s) {
    s = contentStreams(doc);
    cache.set(doc, s);
  }
  return s;
}

const parsed = new WeakMap<Stream, Op[]>();
/** A stream's operators, parsed once (several checks read them). */
export function opsOf(s: Stream): Op[] {
  let ops = parsed.get(s);
  if (!ops) {
    ops = [...readOps(s.text)];
    parsed.set(s, ops);
  }
  return ops;
}

const values = new WeakMap<PDFDocument, { ref: PDFRef; key?: string; value: PDFObject }[]>();
/** Every value inside every indirect object, with the key it is under: one walk per document. */
export function allValues(doc: PDFDocument): { ref: PDFRef; key?: string; value: PDFObject }[] {
  let out = values.get(doc);
  if (!out) {
    out = [];
    for (const [ref, obj] of doc.context.enumerateIndirectObjects())
      for (const { key, value } of inside(obj)) out.push({ ref, key, value });
    values.set(doc, out);
  }
  return out;
}
