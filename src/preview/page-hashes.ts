// A fingerprint of each printed page, so the client repaints only the pages a
// save changed: one page of sixteen for a paragraph that reflows nothing
// else. A page is what its content streams draw (decoded: finishing may store
// them otherwise) with the images and forms they name. Chromium draws text by
// glyph id in fonts that keep their ids when subset, so the same bytes are the
// same picture; a stray difference costs one repaint, never a stale page.
import { createHash } from "node:crypto";
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from "pdf-lib";
import { type Token, tokenize } from "../pdf/compact/content-tokens.js";
import { pageContentStreams } from "../readback/pdf-content.js";
import { streamText } from "../readback/pdf-fonts.js";
import { loadPdf } from "../runtime/load-pdf.js";

function xObjects(doc: PDFDocument, resources: PDFDict | undefined): PDFStream[] {
  const dict = resources && doc.context.lookup(resources.get(PDFName.of("XObject")));
  if (!(dict instanceof PDFDict)) return [];
  return dict.values().flatMap((ref) => {
    const stream = doc.context.lookup(ref);
    return stream instanceof PDFStream ? [stream] : [];
  });
}

const MARKED = new Set(["BDC", "BMC", "EMC"]);

/**
 * What a content stream draws, as canonical text: the same drawing is
 * written differently by Chromium (".23999999", two operators on a line) and
 * by finishing (".24", one a line), and the tagged print (the settled PDF)
 * wraps it in marked-content operators the untagged first print of a save
 * has not. So numbers are rounded to 3 decimals and marked content dropped.
 * Tokens by finishing's own tokenizer; a stream it cannot read is taken as written.
 */
export function drawingOf(content: string): string {
  let tokens: Token[];
  try {
    tokens = tokenize(content);
  } catch {
    return content;
  }
  const out: string[] = [];
  let operands: string[] = [];
  for (const t of tokens) {
    if (t.kind !== "operator") {
      operands.push(t.kind === "number" ? String(Math.round(t.value * 1000) / 1000) : t.text);
      continue;
    }
    if (!MARKED.has(t.text)) out.push(operands.join(" "), t.text);
    operands = [];
  }
  return out.join("\n");
}

// A stream stored with the same bytes as one read before draws the same: most
// pages of a save are the last print's to the byte (Chromium compresses alike),
// and decoding and tokenizing each page again took 40 to 70 ms of the 0.3 s
// from a save to its first paint. Keyed on the stored bytes and their filter;
// emptied when it grows past a few editions' worth.
const drawings = new Map<string, string>();
const KEPT_DRAWINGS = 4096;

function drawingDigest(stream: PDFStream): string {
  const key =
    stream instanceof PDFRawStream
      ? createHash("sha1")
          .update(String(stream.dict.get(PDFName.of("Filter")) ?? ""))
          .update(stream.getContents())
          .digest("hex")
      : undefined;
  const known = key && drawings.get(key);
  if (known) return known;
  const digest = createHash("sha1")
    .update(drawingOf(streamText(stream)), "latin1")
    .digest("hex");
  if (key) {
    if (drawings.size >= KEPT_DRAWINGS) drawings.clear();
    drawings.set(key, digest);
  }
  return digest;
}

export async function pageHashes(pdf: Uint8Array | PDFDocument): Promise<string[]> {
  const doc = pdf instanceof PDFDocument ? pdf : await loadPdf(pdf);
  return doc.getPages().map((page) => {
    const hash = createHash("sha1");
    for (const stream of pageContentStreams(doc, page)) hash.update(drawingDigest(stream));
    // One level of forms and images: Chromium's pages draw their pictures there.
    for (const x of xObjects(doc, page.node.Resources())) {
      hash.update(x instanceof PDFRawStream ? x.getContents() : streamText(x));
      const inner = x.dict.get(PDFName.of("Resources"));
      for (const y of xObjects(doc, inner instanceof PDFDict ? inner : undefined))
        hash.update(y instanceof PDFRawStream ? y.getContents() : streamText(y));
    }
    return hash.digest("hex").slice(0, 16);
  });
}
