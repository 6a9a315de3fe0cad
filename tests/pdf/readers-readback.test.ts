// The editions as other programs read them: metadata (Info and XMP, the XMP
// through pdf.js's own parser), keywords, the text layer as pdf.js, poppler
// and MuPDF extract it against the words of the HTML, and the warnings of
// pdf.js, qpdf, mutool and Ghostscript, in both profiles.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchived } from "../../src/archive/build-archived.js";
import { loadManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";
import { documentTitle } from "../../src/pdf/metadata-text.js";
import { build } from "../../src/pipeline/build-edition.js";
import { built, EDITIONS } from "../support/built-editions.js";
import { popplerText, READERS, readerText, readerWarnings } from "../support/pdf-readers.js";
import { compareWords } from "../support/text-words.js";

/**
 * Words pdftotext's layout analysis may lose, computed from the file's own
 * text (poppler-raw, in which pdf.js and MuPDF agree every word is found):
 * plain pdftotext joins lines of the two editorial columns that sit side by
 * side, so a word broken at the end of a column line is continued by the
 * other column ("accelera-" … "tion"), and it drops real hyphens at line ends
 * ("SecNumCloud-qualified", "for-french-customers" in a URL). So a word it may
 * miss is one broken at a line end: its two parts and their join. Any other
 * missing word fails.
 */
function brokenAtLineEnds(rawText: string): string[] {
  const lines = rawText.split("\n").map((l) => l.trim());
  const words: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = /([\p{L}\p{N}]+)-$/u.exec(lines[i])?.[1];
    const tail = /^[\p{L}\p{N}]+/u.exec(lines[i + 1])?.[0];
    if (head && tail) words.push(head, tail, head + tail);
  }
  return words.map((w) => w.toLowerCase());
}

let printDir: string;
let rebuildDir: string;

beforeAll(async () => {
  // Print profile into an empty folder, then the same over a copy of it.
  printDir = mkdtempSync(path.join(os.tmpdir(), "observatory-print-"));
  await build({ all: true, outputDir: printDir, profile: "print" });
  rebuildDir = mkdtempSync(path.join(os.tmpdir(), "observatory-rebuild-"));
  cpSync(printDir, rebuildDir, { recursive: true });
  cpSync(path.dirname(path.dirname(built(EDITIONS[0].id, EDITIONS[0].language).pdf)), rebuildDir, { recursive: true });
  await build({ all: true, outputDir: rebuildDir });
  await build({ all: true, outputDir: rebuildDir, profile: "print" });
}, 240_000);

afterAll(() => {
  rmSync(printDir, { recursive: true, force: true });
  rmSync(rebuildDir, { recursive: true, force: true });
});

const printPdf = (id: string, language: string) => path.join(printDir, id, `${id}-${language}-print.pdf`);

describe.each(EDITIONS)("edition $id ($language) as readers see it", ({ id, language }) => {
  const b = built(id, language);

  it("has an XMP packet in UTF-8 that says what the Info dictionary says", async () => {
    const { edition } = await loadManifest(`${projectPaths.editions}/${id}/${language}.yaml`);
    const doc = await PDFDocument.load(readFileSync(b.pdf), { updateMetadata: false });
    const stream = doc.catalog.lookup(PDFName.of("Metadata"));
    expect(stream).toBeInstanceOf(PDFRawStream);
    const packet = new TextDecoder("utf-8", { fatal: true }).decode((stream as PDFRawStream).contents);
    expect(packet.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    // Accents and dashes as written; the label typed in capitals set in a title's case (pdf/metadata-text.ts).
    const title = documentTitle(`${edition.edition.publication} — ${edition.edition.label}`, edition.edition.language);
    expect(packet).toContain(title);

    const pdf = await getDocument({ data: new Uint8Array(readFileSync(b.pdf)) }).promise;
    try {
      const { info, metadata } = (await pdf.getMetadata()) as unknown as {
        info: Record<string, string>;
        metadata: { get(k: string): unknown } | null;
      };
      expect(metadata, "pdf.js parsed the packet").not.toBeNull();
      const keywords = edition.edition.keywords ?? [];
      expect(info.Title).toBe(title);
      expect(metadata?.get("dc:title")).toBe(info.Title);
      expect(metadata?.get("dc:creator")).toEqual([info.Author]);
      expect(metadata?.get("dc:description")).toBe(info.Subject);
      expect(metadata?.get("dc:subject")).toEqual(keywords);
      expect(metadata?.get("dc:language")).toBe(language);
      expect(metadata?.get("xmp:creatortool")).toBe(info.Creator);
      expect(metadata?.get("pdf:producer")).toBe(info.Producer);
      expect(metadata?.get("xmp:createdate")).toBe(`${edition.edition.date}T00:00:00Z`);
      expect(metadata?.get("xmp:modifydate")).toBe(metadata?.get("xmp:createdate"));
      expect(info.CreationDate).toBe(`D:${edition.edition.date.replace(/-/g, "")}000000Z`);
      expect(info.ModDate).toBe(info.CreationDate);
      // Keywords whole, separated as pdf:Keywords separates them.
      expect(info.Keywords).toBe(keywords.join(", "));
      expect(metadata?.get("pdf:keywords")).toBe(info.Keywords);
      expect(info.Keywords.split(", ")).toEqual(keywords);
      expect(keywords.some((k) => k.includes(" "))).toBe(true);
    } finally {
      await pdf.loadingTask.destroy();
    }
  });

  it.each(READERS)("reads without a soft hyphen inside a word, every word of the HTML as often (%s)", async (reader) => {
    // Display text (running heads, signature, table groups) is letter-spaced and upper-cased: found as words too.
    const html = readFileSync(b.html, "utf8");
    const text = await readerText(b.pdf, reader);
    const result = compareWords(html, text);
    expect(result.insideWords).toBe(0);
    expect(text.match(/[\p{L}]\u00ad[\p{L}]/gu)).toBeNull();
    const explained = reader === "poppler" ? brokenAtLineEnds(popplerText(b.pdf, true)) : [];
    expect(result.missing.filter((m) => !explained.includes(m.word))).toEqual([]);
    // SecNumCloud is the word a reader searches for first.
    const secnumcloud = result.missing.find((m) => m.word === "secnumcloud");
    expect(secnumcloud).toBeUndefined();
  });

  it.each(["digital", "print"])("draws no warning from pdf.js, qpdf, mutool or Ghostscript (%s)", async (profile) => {
    const warnings = await readerWarnings(profile === "print" ? printPdf(id, language) : b.pdf);
    expect(warnings).toEqual({ pdfjs: [], qpdf: [], mutool: [], gs: [] });
  });

  it.each(["digital", "print"])("is byte-identical built into an empty folder and over an earlier build (%s)", (profile) => {
    const name = `${id}-${language}${profile === "print" ? "-print" : ""}.pdf`;
    const fresh = readFileSync(profile === "print" ? path.join(printDir, id, name) : b.pdf);
    const rebuilt = readFileSync(path.join(rebuildDir, id, name));
    expect(rebuilt.equals(fresh)).toBe(true);
  });
});

describe("an archive rebuild", () => {
  it("gives the bytes build:edition gave (December, whose tags came out in another order)", async () => {
    const { id, language } = EDITIONS[0];
    const work = mkdtempSync(path.join(os.tmpdir(), "observatory-archived-"));
    try {
      const manifest = readFileSync(path.join(projectPaths.editions, id, `${language}.yaml`));
      const [job] = await buildArchived(projectPaths, id, new Map([[language, manifest]]), work);
      expect(readFileSync(job.pdf as string).equals(readFileSync(built(id, language).pdf))).toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
