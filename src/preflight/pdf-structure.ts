// What a screen reader needs from the finished file: Chromium's tag structure
// kept through finishing (structure tree, marked content, headings), and the
// document language.
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFString } from "pdf-lib";
import { LANGUAGE_NAMES, primaryLanguage } from "./language-guess.js";
import type { Finding } from "./rules.js";

/** Structure types (H1, P, Figure, …) found under the root, in order. */
export function structureTypes(doc: PDFDocument, limit = 10_000): string[] {
  const types: string[] = [];
  const seen = new Set<PDFObject>();
  const walk = (node: PDFObject | undefined) => {
    const value = node && doc.context.lookup(node);
    if (!value || seen.has(value) || types.length >= limit) return;
    seen.add(value);
    if (value instanceof PDFArray) for (const kid of value.asArray()) walk(kid);
    else if (value instanceof PDFDict && value.has(PDFName.of("S"))) {
      types.push(value.get(PDFName.of("S"))?.toString().slice(1) ?? "");
      walk(value.get(PDFName.of("K")));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of("StructTreeRoot"), PDFDict)?.get(PDFName.of("K")));
  return types;
}

export function checkStructure(doc: PDFDocument, language: string): Finding[] {
  const findings: Finding[] = [];
  const fail = (rule: Finding["rule"], element: string, message: string) => findings.push({ rule, severity: "error", element, message });
  const types = structureTypes(doc);
  if (!doc.catalog.has(PDFName.of("StructTreeRoot")) || types.length === 0)
    fail(
      "tagged-structure",
      "StructTreeRoot",
      "the PDF has no tag structure: screen readers get the text without headings, lists or tables",
    );
  else if (!types.some((t) => /^H[1-6]?$/.test(t))) fail("tagged-structure", "StructTreeRoot", "the tag structure has no headings");
  const marked = doc.catalog.lookupMaybe(PDFName.of("MarkInfo"), PDFDict)?.get(PDFName.of("Marked"))?.toString();
  if (marked !== "true") fail("tagged-structure", "MarkInfo", "the PDF does not say it is tagged (MarkInfo /Marked true)");
  const lang = doc.catalog.lookup(PDFName.of("Lang"));
  const value = lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
  if (!value) fail("language", "Catalog /Lang", `the PDF does not name its language (${LANGUAGE_NAMES[language] ?? language})`);
  else if (primaryLanguage(value) !== language)
    fail("language", "Catalog /Lang", `the PDF says its language is "${value}", the edition is ${LANGUAGE_NAMES[language] ?? language}`);
  return findings;
}
