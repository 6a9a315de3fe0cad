// The PaaS zoom's offers in the contents and the bookmarks (issue 17), read
// back from a built PDF: the outline holds the offers' heading under the zoom's,
// opening the page that prints it, and the contents page (p. 2) gives that page.
import { readFileSync } from "node:fs";
import { normalise, pageText, readWithPdfJs } from "./read-pdf.js";

/** What is wrong with the entry `offers` under `zoom`; empty when the PDF has it right. */
export async function paasOffersEntryFaults(pdf: string, zoom: string, offers: string): Promise<string[]> {
  const { outline } = await readWithPdfJs(readFileSync(pdf));
  const parent = outline.find((i) => i.title === zoom);
  if (!parent) return [`no bookmark "${zoom}" (${outline.map((i) => i.title).join(" | ")})`];
  const entry = parent.children.find((i) => i.title === offers);
  if (!entry) return [`no bookmark "${offers}" under "${zoom}" (${parent.children.map((i) => i.title).join(" | ")})`];
  const faults: string[] = [];
  if (entry.page < parent.page) faults.push(`"${offers}" opens p. ${entry.page}, before its section (p. ${parent.page})`);
  if (!pageText(pdf, entry.page).includes(offers))
    faults.push(`"${offers}" is not printed on p. ${entry.page}, the page its bookmark opens`);
  const escaped = normalise(offers).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const printed = new RegExp(`${escaped}\\s*(\\d+)`).exec(pageText(pdf, 2, true))?.[1];
  if (printed !== String(entry.page)) faults.push(`the contents give "${offers}" p. ${printed ?? "(none)"}, it is on p. ${entry.page}`);
  return faults;
}
