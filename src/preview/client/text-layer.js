// The text over each page: pdf.js's TextLayer puts transparent, selectable
// spans where the glyphs are, so the browser's find and copy work on the page
// shown. The preview's own find (the search box) reads every page's text and
// jumps to the page where the words are, then marks them in this layer.
import * as pdfjs from "/vendor/pdf.min.mjs";

/** The layer for one page, at the CSS scale of its paper (the canvas carries the device pixel ratio). */
export async function textLayer(page, scale) {
  const container = document.createElement("div");
  container.className = "textLayer";
  const viewport = page.getViewport({ scale });
  const layer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container, viewport });
  await layer.render();
  return container;
}

const norm = (s) => s.toLowerCase().replace(/\s+/g, " ");

/** Every page's text, once per document: what the search box looks through. */
export async function pageTexts(doc) {
  const texts = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    texts.push(norm(content.items.map((t) => ("str" in t ? t.str + (t.hasEOL ? " " : "") : "")).join("")));
  }
  return texts;
}

/** The next page (after `from`, wrapping; backwards when `direction` < 0) whose text has `query`; 0 if none. */
export function findPage(texts, query, from, direction = 1) {
  const q = norm(query.trim());
  if (!q) return 0;
  const total = texts.length;
  for (let i = 1; i <= total; i++) {
    const n = ((((from - 1 + direction * i) % total) + total) % total) + 1;
    if (texts[n - 1].includes(q)) return n;
  }
  return 0;
}

/** How many pages have `query`. */
export function countPages(texts, query) {
  const q = norm(query.trim());
  return q ? texts.filter((t) => t.includes(q)).length : 0;
}

/** Marks the spans that hold the words (or, across spans, their first word) and returns the first. */
export function markMatches(container, query) {
  const q = norm(query.trim());
  const spans = [...container.querySelectorAll("span")].filter((s) => !s.children.length);
  for (const s of spans) s.classList.remove("match");
  if (!q) return undefined;
  const first = q.split(" ")[0];
  let hits = spans.filter((s) => norm(s.textContent).includes(q));
  if (!hits.length) hits = spans.filter((s) => norm(s.textContent).includes(first));
  for (const s of hits) s.classList.add("match");
  return hits[0];
}
