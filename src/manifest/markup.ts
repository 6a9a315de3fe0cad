// Inline markup for manifest text, parsed by markdown-it with HTML disabled.
// Only the inline rules editors need are enabled: emphasis, links, line breaks.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt("zero", { html: false, linkify: false, typographer: false, breaks: true });
md.enable(["emphasis", "link", "newline", "escape", "backticks"]);

// Links must be https: markdown-it already refuses javascript: and friends;
// we also refuse http, mailto and relative links so nothing odd reaches print.
md.validateLink = (url: string) => /^https:\/\/[^\s]+$/i.test(url) || url.startsWith("#");

const RAW_HTML = /<\/?[a-zA-Z][^>]*>|<!--/;

/** Problems an editor must fix in a text value, as messages. Empty when fine. */
export function checkInlineMarkup(text: string): string[] {
  const problems: string[] = [];
  if (RAW_HTML.test(text)) {
    problems.push("expected text without HTML tags (use **bold**, *italic* or [text](https://…))");
  }
  // The address, with or without a title after it ([x](https://… "title")).
  let bad = 0;
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
    const href = match[1];
    if (!/^https:\/\//i.test(href)) {
      problems.push(`expected a link starting with https://, got "${href}"`);
      bad++;
    }
  }
  // Whatever looks like a link and would still print as typed (markdown-it
  // refused it) is refused here too, so raw markdown never reaches the page.
  const written = [...text.matchAll(/\[[^\]]*\]\([^)]*\)/g)].length;
  const rendered = (md.parseInline(text, {})[0]?.children ?? []).filter((t) => t.type === "link_open").length;
  if (!bad && written > rendered)
    problems.push('expected links written [text](https://…) or [text](https://… "title"), got one that would print as typed');
  return problems;
}

/** Render inline markup to safe HTML (every other character is escaped). */
export function renderInline(text: string): string {
  return md.renderInline(text);
}

/** The text without its markup, for bookmarks, metadata and alt text. */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(\*|_)(.+?)\1/g, "$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, "$1");
}
