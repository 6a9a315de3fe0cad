// Line breaks as YAML 1.2 reads them: LF, CRLF and a lone CR each end a line
// (editors on Windows save CRLF; old Mac files have lone CRs). The yaml package
// reads LF and CRLF only, and our own scans of the text read LF; U+2028 and
// U+2029 are plain characters to YAML but line breaks to the code-frame printer.

/** The text for the YAML reader: each lone CR becomes LF, so every offset (and column) stays where it was. */
export function withYamlLineBreaks(source: string): string {
  return source.includes("\r") ? source.replace(/\r(?!\n)/g, "\n") : source;
}

/** The lines of a manifest as an editor shows them, without their line breaks. */
export function sourceLines(source: string): string[] {
  return source.split(/\r\n|\r|\n/);
}

/**
 * The text for a code frame: one line per YAML line, "\n" between them, and
 * U+2028/U+2029 (which @babel/code-frame would break at) shown as "␤", one
 * character for one, so columns still point at the right place.
 */
export function frameSource(source: string): string {
  return sourceLines(source)
    .join("\n")
    .replace(/[\u2028\u2029]/g, "␤");
}
