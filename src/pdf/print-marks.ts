// Print profile: Chromium printed each page on a sheet `bleed` larger on every
// side (assets/styles/profile-print.css). Here, in place (the tag structure
// stays), each page gets its TrimBox (the A4 page) and BleedBox (3 mm around
// it), its MediaBox grows to hold crop marks, and the marks are drawn outside
// the bleed. The MediaBox grows to a negative origin instead of moving the
// content, so links, destinations and bookmarks keep their coordinates.
import { PDFArray, PDFDict, type PDFDocument, PDFName, type PDFNumber, type PDFPage, type PDFRef } from "pdf-lib";

const MM = 72 / 25.4;

export interface PrintMarksOptions {
  /** How far Chromium's page runs past the trim on each side, in points (the CSS --bleed). */
  paintedBleed: number;
}

/** Distances from the trim, in points. */
export const MARKS = {
  /** The BleedBox: 3 mm past the trim on every side. */
  bleed: 3 * MM,
  /** Crop marks start this far from the trim: past the bleed, so a trimmed sheet never shows them. */
  offset: 4 * MM,
  length: 5 * MM,
  /** The MediaBox (the sheet) ends here: marks plus a little paper. */
  slug: 11 * MM,
  lineWidth: 0.25,
} as const;

export interface PageBoxes {
  media: [number, number, number, number];
  bleed: [number, number, number, number];
  trim: [number, number, number, number];
}

const box = (doc: PDFDocument, b: readonly number[]) => doc.context.obj(b.map((n) => Math.round(n * 1000) / 1000));

function grow(b: readonly number[], by: number): [number, number, number, number] {
  return [b[0] - by, b[1] - by, b[2] + by, b[3] + by];
}

/** Registration colour (every plate), the colour crop marks are printed in. Its
 * alternate (what a screen shows) is DeviceGray black: PDF/A with an RGB output
 * intent refuses DeviceCMYK (ISO 19005-3, 6.2.4.3), and the plates ignore it. */
function registrationColour(doc: PDFDocument): PDFRef {
  const tint = doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [1], C1: [0], N: 1 });
  return doc.context.register(doc.context.obj([PDFName.of("Separation"), PDFName.of("All"), PDFName.of("DeviceGray"), tint]));
}

/** Two lines at each corner, along the trim lines, each starting `offset` past the trim. */
function cropMarkPaths(trim: readonly number[]): string {
  const [x0, y0, x1, y1] = trim;
  const { offset: o, length: l } = MARKS;
  const f = (n: number) => (Math.round(n * 1000) / 1000).toString();
  const line = (ax: number, ay: number, bx: number, by: number) => `${f(ax)} ${f(ay)} m ${f(bx)} ${f(by)} l S`;
  return [
    // bottom-left, bottom-right, top-right, top-left: a horizontal and a vertical stroke each
    line(x0 - o - l, y0, x0 - o, y0),
    line(x0, y0 - o - l, x0, y0 - o),
    line(x1 + o, y0, x1 + o + l, y0),
    line(x1, y0 - o - l, x1, y0 - o),
    line(x1 + o, y1, x1 + o + l, y1),
    line(x1, y1 + o, x1, y1 + o + l),
    line(x0 - o - l, y1, x0 - o, y1),
    line(x0, y1 + o, x0, y1 + o + l),
  ].join("\n");
}

function numbers(array: PDFArray): number[] {
  return array.asArray().map((n) => (n as PDFNumber).asNumber());
}

function markPage(doc: PDFDocument, page: PDFPage, options: PrintMarksOptions, colour: PDFRef): PageBoxes {
  const printed = numbers(page.node.MediaBox());
  const trim = grow(printed, -options.paintedBleed);
  const bleed = grow(trim, MARKS.bleed);
  const media = grow(trim, MARKS.slug);
  page.node.set(PDFName.of("MediaBox"), box(doc, media));
  page.node.delete(PDFName.of("CropBox"));
  page.node.set(PDFName.of("BleedBox"), box(doc, bleed));
  page.node.set(PDFName.of("TrimBox"), box(doc, trim));

  const resources = page.node.Resources() ?? doc.context.obj({});
  page.node.set(PDFName.of("Resources"), resources);
  let spaces = resources.lookupMaybe(PDFName.of("ColorSpace"), PDFDict);
  if (!spaces) {
    spaces = doc.context.obj({});
    resources.set(PDFName.of("ColorSpace"), spaces);
  }
  spaces.set(PDFName.of("ObsRegistration"), colour);

  // Chromium's content is wrapped in q/Q so the marks start from a clean
  // graphics state; they are artifacts, not content, for the tag structure.
  const before = doc.context.register(doc.context.stream("q\n"));
  const marks = ["Q", "/Artifact BMC", "q", `/ObsRegistration CS 1 SCN ${MARKS.lineWidth} w 0 J`, cropMarkPaths(trim), "Q", "EMC", ""];
  const after = doc.context.register(doc.context.flateStream(marks.join("\n")));
  const contents = page.node.get(PDFName.of("Contents"));
  const resolved = contents && doc.context.lookup(contents);
  const streams = resolved instanceof PDFArray ? resolved.asArray() : contents ? [contents] : [];
  page.node.set(PDFName.of("Contents"), doc.context.obj([before, ...streams, after]));
  return { media, bleed, trim };
}

export function addPrintMarks(doc: PDFDocument, options: PrintMarksOptions): PageBoxes[] {
  const colour = registrationColour(doc);
  return doc.getPages().map((page) => markPage(doc, page, options, colour));
}
