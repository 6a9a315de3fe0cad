// Typography of the printed text, judged block by block: straight quotes and
// apostrophes in any language, the French no-break spaces in French text.
import { frenchSpacingFaults, straightQuoteFaults } from "../readback/text-faults.js";
import type { PageFinding } from "./inspect-page.js";

export interface TextBlock {
  key: string;
  element: string;
  section?: string;
  lang: string;
  text: string;
}

/** At most one finding per rule and block: the first fault, and how many there are. */
export function judgeTypography(blocks: TextBlock[], edition: string): PageFinding[] {
  const out: PageFinding[] = [];
  for (const b of blocks) {
    const where = { key: b.key, element: b.element, section: b.section };
    const more = (n: number) => (n > 1 ? ` (and ${n - 1} more in this block)` : "");
    const quotes = straightQuoteFaults(b.text);
    if (quotes.length)
      out.push({
        ...where,
        rule: "straight-quotes",
        severity: "error",
        message: `«${quotes[0].around}»: ${quotes[0].what}${more(quotes.length)}`,
      });
    if ((b.lang || edition).split("-")[0] !== "fr") continue;
    const spacing = frenchSpacingFaults(b.text);
    if (spacing.length)
      out.push({
        ...where,
        rule: "french-spacing",
        severity: "error",
        message: `«${spacing[0].around}»: ${spacing[0].what}${more(spacing.length)}`,
      });
  }
  return out;
}
