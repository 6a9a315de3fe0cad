// Runs every check on a finished PDF and says which profile rules were tested.
import { loadPdf } from "../runtime/load-pdf.js";
import { annotChecks } from "./checks-annots.js";
import { colourChecks } from "./checks-colour.js";
import { contentChecks } from "./checks-content.js";
import { documentChecks } from "./checks-document.js";
import { embeddedChecks } from "./checks-embedded.js";
import { featureChecks } from "./checks-features.js";
import { fileChecks } from "./checks-file.js";
import { fontChecks } from "./checks-fonts.js";
import { glyphChecks } from "./checks-glyphs.js";
import { graphicsChecks } from "./checks-graphics.js";
import { langChecks } from "./checks-lang.js";
import { objectChecks } from "./checks-objects.js";
import { operatorChecks } from "./checks-operators.js";
import { tagChecks } from "./checks-tags.js";
import { xmpChecks } from "./checks-xmp.js";
import { PDFA3_RULES, PDFUA1_RULES } from "./profile-rules.js";
import type { Check, ConformanceFinding, Standard } from "./types.js";

export const CHECKS: Check[] = [
  ...fileChecks,
  ...documentChecks,
  ...xmpChecks,
  ...featureChecks,
  ...embeddedChecks,
  ...colourChecks,
  ...graphicsChecks,
  ...operatorChecks,
  ...objectChecks,
  ...fontChecks,
  ...glyphChecks,
  ...annotChecks,
  ...tagChecks,
  ...langChecks,
  ...contentChecks,
];

export interface ConformanceResult {
  standards: Standard[];
  findings: ConformanceFinding[];
  /** Rule ids tested per standard, and the profile's total. */
  checked: Record<Standard, { tested: string[]; total: number }>;
}

export function checkedRules(): ConformanceResult["checked"] {
  const a = new Set(CHECKS.flatMap((c) => c.ids.map((i) => i.a)).filter((x): x is string => Boolean(x)));
  const ua = new Set(CHECKS.flatMap((c) => c.ids.map((i) => i.ua)).filter((x): x is string => Boolean(x)));
  return {
    "PDF/A-3": { tested: [...a].sort(), total: PDFA3_RULES.length },
    "PDF/UA-1": { tested: [...ua].sort(), total: PDFUA1_RULES.length },
  };
}

export async function checkConformance(bytes: Uint8Array, standards: Standard[]): Promise<ConformanceResult> {
  const doc = await loadPdf(bytes);
  const findings: ConformanceFinding[] = [];
  // One finding per rule, place and message: a stream read twice, or a fault met on every use, is reported once.
  const seen = new Set<string>();
  const push = (f: ConformanceFinding) => {
    const key = JSON.stringify(f);
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(f);
    }
  };
  const ctx = {
    doc,
    bytes,
    standards,
    fail(ids: { a?: string; ua?: string }, where: { page?: number; object?: string }, message: string) {
      if (ids.a && standards.includes("PDF/A-3")) push({ standard: "PDF/A-3", rule: ids.a, ...where, message });
      if (ids.ua && standards.includes("PDF/UA-1")) push({ standard: "PDF/UA-1", rule: ids.ua, ...where, message });
    },
  };
  for (const check of CHECKS) check.run(ctx);
  return { standards, findings, checked: checkedRules() };
}

/** "PDF/A-3a" -> "PDF/A-3": the finishing's claim names as the checks name the standards. */
export function conformanceStandards(claims: string[]): Standard[] {
  const out: Standard[] = [];
  if (claims.some((c) => c.startsWith("PDF/A-3"))) out.push("PDF/A-3");
  if (claims.includes("PDF/UA-1")) out.push("PDF/UA-1");
  return out;
}

/** "23 of 106" per standard claimed. */
export function rulesCheckedCount(checked: ConformanceResult["checked"]): Record<string, string> {
  return Object.fromEntries(Object.entries(checked).map(([k, v]) => [k, `${v.tested.length} of ${v.total}`]));
}
