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
  // Escaped characters (\[, \*) are meant as typed: masked, so no rule below sees them.
  const masked = text.replace(/\\[\\`*_{}[\]()#+\-.!<>~|]/g, "\ue000");
  // The address, with or without a title after it ([x](https://… "title")).
  let bad = 0;
  for (const match of masked.matchAll(/\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
    const href = match[1];
    if (!/^https:\/\//i.test(href)) {
      problems.push(`expected a link starting with https://, got "${href}"`);
      bad++;
    }
  }
  // Whatever looks like a link and would still print as typed (markdown-it
  // refused it) is refused here too, so raw markdown never reaches the page.
  const tokens = md.parseInline(masked, {})[0]?.children ?? [];
  const written = [...masked.matchAll(/\[[^\]]*\]\([^)]*\)/g)].length;
  const rendered = tokens.filter((t) => t.type === "link_open").length;
  if (!bad && written > rendered)
    problems.push('expected links written [text](https://…) or [text](https://… "title"), got one that would print as typed');
  problems.push(...rawMarkup(masked, tokens));
  return problems;
}

type Token = ReturnType<typeof md.parseInline>[number];

/**
 * Markup the page would show as typed: what markdown-it left as text.
 * `text` has its escaped characters masked.
 */
function rawMarkup(text: string, tokens: Token[]): string[] {
  const problems: string[] = [];
  // Images are not read from text (a figure is a section of its own): "![i](…)" prints "!" before a link.
  const image = /!\[[^\]]*\]\([^)]*\)/.exec(text);
  if (image) problems.push(`expected no images in text (a figure is a section of its own), got ${JSON.stringify(image[0].slice(0, 60))}`);
  // Code spans print in the browser's monospace face, a system font the build refuses.
  const code = tokens.find((t) => t.type === "code_inline");
  if (code)
    problems.push(
      `expected no code spans (the edition's fonts have no monospace face, so it would print in a system font, which the build refuses), got \`${code.content.slice(0, 40)}\`: write it without backticks, or in *italic*`,
    );
  const plain = tokens
    .filter((t) => t.type === "text")
    .map((t) => t.content)
    .join("\u0000");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 joins the text tokens, so no match spans two
  const reference = /\[[^\]\u0000]+\]\[[^\]\u0000]*\]/.exec(plain);
  if (reference)
    problems.push(
      `expected links written [text](https://…), got the reference link ${JSON.stringify(reference[0].slice(0, 60))} that would print as typed`,
    );
  // An opening "**", "__", "*" or "_" that found no closing one (a lone "*" between spaces, as in 3 * 4, is a character).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 joins the text tokens, so no match spans two
  const unclosed = /(\*\*|__)|(?:^|[\s([{"'«\u0000])([*_])(?=[^\s*_])/.exec(plain);
  if (unclosed)
    problems.push(
      `expected **bold** and *italic* closed, got an unclosed "${unclosed[1] ?? unclosed[2]}" that would print as typed (write \\${(unclosed[1] ?? unclosed[2])[0]} for the character itself)`,
    );
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
