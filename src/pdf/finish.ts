// Finishing: edits Chromium's PDF in place with pdf-lib (copying pages into a
// new document would drop the tag structure Chromium writes): metadata,
// bookmarks, page labels, and the fixed dates and ID that make builds repeatable.
import { createHash } from "node:crypto";
import { PDFArray, PDFDocument, PDFHexString } from "pdf-lib";
import type { Heading } from "../sections/section-kit.js";
import { compactPdf } from "./compact/compact-pdf.js";
import { namedDestinations } from "./destinations.js";
import { writeMetadata } from "./metadata.js";
import { addOutline } from "./outline.js";
import { addPageLabels } from "./page-labels.js";
import { addPrintMarks, type PrintMarksOptions } from "./print-marks.js";
import { applyStableIds, stableIdMap, withStableIds } from "./stable-ids.js";
import { stripLinks } from "./strip-links.js";
import type { DocumentInfo } from "./xmp.js";

export interface FinishOptions extends DocumentInfo {
  headings: Heading[];
  hasCover: boolean;
  hasBackCover: boolean;
  coverLabel: string;
  backCoverLabel: string;
  /** Print profile: TrimBox, BleedBox and crop marks, and no live links. */
  printMarks?: PrintMarksOptions;
  /** false skips the slow part of the size pass, the fonts (the preview, where a file is thrown away at the next save). */
  compact?: boolean;
}

export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
  bookmarks: number;
  pageLabels: string[];
  documentId: string;
}

/** Chromium stamps the wall-clock time and run-dependent node ids; the ID must depend on content only. */
function contentHash(raw: Uint8Array, ids: Map<string, string>, options: FinishOptions): string {
  const text = withStableIds(raw, ids).replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, "/$1 ()");
  return createHash("sha256")
    .update(text, "latin1")
    .update(JSON.stringify({ ...options, date: options.date.toISOString() }))
    .digest("hex");
}

export async function finishPdf(raw: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
  const doc = await PDFDocument.load(raw, { updateMetadata: false });
  const ids = stableIdMap(raw);
  applyStableIds(doc, ids);
  const hash = contentHash(raw, ids, options);
  const documentId = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;

  writeMetadata(doc, options, documentId);

  const dests = namedDestinations(doc);
  const bookmarks = addOutline(doc, options.headings, dests);
  const pageLabels = addPageLabels(doc, {
    pageCount: doc.getPageCount(),
    hasCover: options.hasCover,
    hasBackCover: options.hasBackCover,
    coverLabel: options.coverLabel,
    backCoverLabel: options.backCoverLabel,
  });

  if (options.printMarks) {
    stripLinks(doc);
    addPrintMarks(doc, options.printMarks);
  }

  // Always: the same pass makes the text layer right (see compact-pdf.ts).
  compactPdf(doc, { fonts: options.compact !== false });

  const id = PDFHexString.of(hash.slice(0, 32));
  doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  (doc.context.trailerInfo.ID as PDFArray).push(id);

  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, pages: doc.getPageCount(), bookmarks, pageLabels, documentId };
}
