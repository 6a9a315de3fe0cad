// Typography of the printed text, judged block by block: straight quotes and
// apostrophes in any language, the French no-break spaces in French text, and
// a heading whose last line is one word ("…of Our Digital / Sovereignty").
import { frenchSpacingFaults, straightQuoteFaults } from "../readback/text-faults.js";
import type { PageFinding } from "./inspect-page.js";

export interface TextBlock {
  key: string;
  element: string;
  section?: string;
  lang: string;
  text: string;
  /** A heading's lines as laid out, each its words joined by spaces. */
  lines?: string[];
}

/**
 * A heading of three words or more that wraps onto a last line of one word:
 * the eye reads that word as a line of its own. Two words on two lines have
 * no better break; the heading's width is at fault there, not its breaks.
 */
export function headingLastWord(lines: string[] | undefined): string | undefined {
  if (!lines || lines.length < 2) return undefined;
  const words = lines.join(" ").split(" ").length;
  const last = lines[lines.length - 1];
  return words >= 3 && !last.includes(" ") ? last : undefined;
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
    const alone = headingLastWord(b.lines);
    if (alone)
      out.push({
        ...where,
        rule: "heading-last-word",
        severity: "warning",
        message: `«…${/\S+$/.exec((b.lines ?? [])[(b.lines?.length ?? 2) - 2] ?? "")?.[0] ?? ""} / ${alone}»: the heading's last line is the one word «${alone}»`,
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
