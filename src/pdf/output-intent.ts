// The sRGB output intent: Chromium paints in DeviceRGB, which PDF/A allows only
// when the file says which RGB it means (ISO 19005-3, 6.2.4.3). The profile is
// the one shipped in assets/icc (licence beside it), embedded unchanged.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type PDFDocument, PDFName, PDFString } from "pdf-lib";
import { projectPaths } from "../paths.js";

export const OUTPUT_CONDITION = "sRGB IEC61966-2.1";

let cached: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  cached ??= readFileSync(path.join(projectPaths.assets, "icc", "sRGB.icc"));
  return cached;
}

export function addOutputIntent(doc: PDFDocument): void {
  const profile = doc.context.flateStream(srgbProfile(), { N: 3 });
  const intent = doc.context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of(OUTPUT_CONDITION),
    Info: PDFString.of(OUTPUT_CONDITION),
    DestOutputProfile: doc.context.register(profile),
  });
  doc.catalog.set(PDFName.of("OutputIntents"), doc.context.obj([doc.context.register(intent)]));
}
