// The quotes and apostrophes typesetting cannot settle, found in the manifest
// before a build: each text is typeset as the page will be, and a straight ' or
// " left over is reported at its value, as preflight would refuse it after the
// whole build ("straight-quotes").
import { isMap, isScalar, isSeq, type Node, parseDocument } from "yaml";
import { renderInline } from "../manifest/markup.js";
import type { Language } from "../manifest/primitives.js";
import { straightQuoteFaults, visibleText } from "../readback/text-faults.js";
import { typeset } from "../render/typography.js";
import type { Finding } from "./locate.js";

// Values that are not printed as text, or printed as typed (addresses, ids).
const NOT_TEXT = new Set([
  "id",
  "type",
  "chart",
  "url",
  "since",
  "date",
  "source",
  "about",
  "provider_id",
  "offer_id",
  "model",
  "stage",
  "unit",
  "lang",
  "language",
  "highlight",
  "version",
]);

function* texts(node: unknown, path: PropertyKey[]): Generator<{ path: PropertyKey[]; value: string }> {
  if (isMap(node))
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (!NOT_TEXT.has(key)) yield* texts(pair.value, [...path, key]);
    }
  else if (isSeq(node)) for (const [i, item] of node.items.entries()) yield* texts(item, [...path, i]);
  else if (isScalar(node) && typeof node.value === "string" && /['"]/.test(node.value)) yield { path, value: node.value };
}

export function straightQuoteFindings(source: string, language: Language, templatesDir?: string): Finding[] {
  const doc = parseDocument(source);
  const out: Finding[] = [];
  for (const { path, value } of texts((doc.contents as Node | null) ?? null, [])) {
    const faults = straightQuoteFaults(visibleText(`<body><p>${typeset(renderInline(value), language, templatesDir)}</p>`));
    if (!faults.length) continue;
    out.push({
      path,
      message: `expected typographic quotes and apostrophes, got ${faults[0].what} that typesetting cannot settle in «${faults[0].around}»${faults.length > 1 ? ` (and ${faults.length - 1} more)` : ""}: type ’ “ ” (or « » in French) yourself`,
    });
  }
  return out;
}
