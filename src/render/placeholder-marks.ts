// Placeholders in the rendered page. A draft shows each one highlighted, with
// what is to be filled in; any other build must never get here with one (the
// build refuses the manifest first), so finding one is an error, not a print.
import { PLACEHOLDER_END, PLACEHOLDER_START } from "../manifest/placeholder.js";

// Soft hyphens may have been put inside the note by hyphenation.
const PLACEHOLDER = new RegExp(`${PLACEHOLDER_START}([^${PLACEHOLDER_END}]*)${PLACEHOLDER_END}`, "g");

export class PlaceholderInPageError extends Error {}

export function markPlaceholders(html: string, draft: boolean): string {
  if (!html.includes(PLACEHOLDER_START)) return html;
  if (!draft) throw new PlaceholderInPageError("a placeholder reached the page of a build that is not a draft");
  // Text between tags gets a <mark>; inside a tag (an attribute) only the note is kept.
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith("<")
        ? part.replace(PLACEHOLDER, "$1")
        : part.replace(PLACEHOLDER, (_, note: string) => {
            // The note is page text already, escaped by the template: it can go in an attribute as it is.
            const title = note.replace(/\u00ad/g, "");
            return `<mark class="placeholder" title="${title}">[${note}]</mark>`;
          }),
    )
    .join("");
}
