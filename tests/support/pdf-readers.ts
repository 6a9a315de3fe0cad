// Three independent readers of a PDF's text layer (pdf.js, poppler's
// pdftotext, MuPDF's mutool) and what each reader (plus qpdf and Ghostscript)
// complains about. Used by the read-back tests and scripts/text-layer-counts.ts.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { getDocument, VerbosityLevel } from "pdfjs-dist/legacy/build/pdf.mjs";

/**
 * "poppler" is pdftotext as it is usually run: its layout analysis orders the
 * text, joins the two columns of a line when they sit close, and drops a
 * hyphen at the end of a line even when it is a real one ("SecNumCloud-
 * qualified"). "poppler-raw" (-raw) is the text in the file's own order, as
 * poppler decodes it, without that analysis.
 */
export const READERS = ["pdfjs", "poppler", "poppler-raw", "mupdf"] as const;
export type Reader = (typeof READERS)[number];

/**
 * pdf.js reports through console.warn ("Warning: …") and console.info
 * ("Info: …"). It is run at its most talkative level, because its "Skipping
 * invalid Metadata" is an info; of the infos, the timings and the note that
 * it does not implement a graphics-state operator (SA) say nothing of the file.
 */
const PDFJS_CHATTER = /^Info: (page=\d+ - \w+: time=|graphic state operator )/;

async function withPdfJsMessages<T>(fn: () => Promise<T>): Promise<{ value: T; messages: string[] }> {
  const messages: string[] = [];
  const { log, warn, info } = console;
  const collect = (...args: unknown[]) => {
    const line = args.join(" ");
    if (!PDFJS_CHATTER.test(line)) messages.push(line);
  };
  console.log = collect;
  console.warn = collect;
  console.info = collect;
  try {
    return { value: await fn(), messages };
  } finally {
    Object.assign(console, { log, warn, info });
  }
}

/** Text of every page as pdf.js gives it to its viewer's text layer and search: items joined, a newline at each end of line. */
export async function pdfJsRead(pdf: string): Promise<{ text: string; messages: string[] }> {
  const { value, messages } = await withPdfJsMessages(async () => {
    const doc = await getDocument({
      data: new Uint8Array(readFileSync(pdf)),
      useSystemFonts: false,
      verbosity: VerbosityLevel.INFOS,
    }).promise;
    try {
      await doc.getMetadata();
      await doc.getOutline();
      await doc.getPageLabels();
      await doc.getViewerPreferences();
      const pages: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        await page.getOperatorList(); // parses fonts and images as rendering would
        await page.getStructTree();
        const content = await page.getTextContent();
        let text = "";
        for (const item of content.items) if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
        pages.push(text);
      }
      return pages.join("\n\f");
    } finally {
      await doc.loadingTask.destroy();
    }
  });
  return { text: value, messages };
}

export function popplerText(pdf: string, raw = false): string {
  return execFileSync("pdftotext", ["-enc", "UTF-8", ...(raw ? ["-raw"] : []), pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
}

export function mupdfText(pdf: string): string {
  return execFileSync("mutool", ["draw", "-q", "-F", "txt", "-o", "-", pdf], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: ["ignore", "pipe", "ignore"],
  });
}

export async function readerText(pdf: string, reader: Reader): Promise<string> {
  if (reader === "pdfjs") return (await pdfJsRead(pdf)).text;
  if (reader === "poppler" || reader === "poppler-raw") return popplerText(pdf, reader === "poppler-raw");
  return mupdfText(pdf);
}

/**
 * Printed by Debian's mutool for every file, whatever it holds: the library
 * was built without an ICC engine. It says nothing about the PDF.
 */
const MUTOOL_BUILD_NOTE = /^warning: ICC support is not available$/;

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Every complaint of pdf.js, qpdf --check, mutool (text and drawing) and Ghostscript, by tool. */
export async function readerWarnings(pdf: string): Promise<Record<string, string[]>> {
  const { messages } = await pdfJsRead(pdf);
  const qpdf = spawnSync("qpdf", ["--check", pdf], { encoding: "utf8" });
  // A clean file gets "No syntax or stream encoding errors found; the file may still contain / errors that qpdf cannot detect".
  const qpdfLines = lines(`${qpdf.stdout}\n${qpdf.stderr}`).filter(
    (l) => /warn|error|damaged|invalid/i.test(l) && !/^(No syntax or stream encoding errors|errors that qpdf cannot detect)/.test(l),
  );
  if (qpdf.status !== 0 && !qpdfLines.length) qpdfLines.push(`qpdf exited with ${qpdf.status}`);
  const mutool = spawnSync("mutool", ["draw", "-q", "-o", "/dev/null", "-F", "stext", pdf], { encoding: "utf8" });
  const mutoolRender = spawnSync("mutool", ["draw", "-q", "-r", "20", "-o", "/dev/null", "-F", "pgm", pdf], { encoding: "utf8" });
  const mutoolLines = lines(`${mutool.stderr}\n${mutoolRender.stderr}`).filter((l) => !MUTOOL_BUILD_NOTE.test(l));
  const gs = spawnSync("gs", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=nullpage", pdf], { encoding: "utf8" });
  const gsLines = lines(`${gs.stdout}\n${gs.stderr}`);
  if (gs.status !== 0 && !gsLines.length) gsLines.push(`gs exited with ${gs.status}`);
  return { pdfjs: messages, qpdf: qpdfLines, mutool: mutoolLines, gs: gsLines };
}
