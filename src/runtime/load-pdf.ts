// Every PDF the project reads with pdf-lib is loaded here, in one go.
// pdf-lib's default (ParseSpeeds.Slow) stops every 100 objects for a
// setTimeout(0), so that a browser tab stays responsive: in Node each stop is
// a timer turn of a millisecond or more, about 15 ms of waiting for one of our
// prints (1,200 to 2,500 objects) and more on a busy machine, for a parse of
// 12 ms. Nothing here needs the event loop during a parse that short.
import { ParseSpeeds, PDFDocument } from "pdf-lib";

/** The document, parsed without pauses, its metadata left as it is. */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}
