// Counts of typographic faults in built editions, from the HTML that was
// printed and the PDF: straight apostrophes and quotes, French spacing faults,
// breaks inside names (soft hyphens in the HTML, broken lines in the PDF),
// hyphen ladders, words split across breaks, fragments on last lines, inner
// pages under a third full, line-end hyphens (on each editorial page, and
// breaks that keep fewer letters than the language's minimum), and one-word
// last lines of headings, captions and paragraphs. Not a test: it prints
// figures, for the notes of a change.
//
//   npx tsx scripts/typography-counts.ts [output-dir] [--details] [--editions-dir DIR]
//   (default: output/ and editions/; the long test edition: --editions-dir tests/fixtures/long-edition)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { loadManifest } from "../src/manifest/load.js";
import type { Language } from "../src/manifest/primitives.js";
import { projectPaths } from "../src/paths.js";
import { checkNearEmptyPages } from "../src/preflight/pdf-pages.js";
import { below } from "../src/readback/line-order.js";
import type { Line, PageLines } from "../src/readback/print-lines.js";
import { linesOfPages, readItems, readLines } from "../src/readback/print-lines.js";
import { frenchSpacingFaults, straightQuotes, visibleText } from "../src/readback/text-faults.js";
import { hyphenPolicy, isProtectedWord } from "../src/render/word-policy.js";
import { findLineFaults } from "../src/typeset/line-faults.js";
import { pageStartAnchors } from "../src/typeset/page-start.js";

const AREA = { top: 62.25, bottom: 57 }; // the default page's margins, in points (A4, digital)

// The printed text of the elements one-word last lines are sorted by: what a
// line's words end, in the HTML, says whether it is a heading, a caption (of a
// figure or table, a table's note), a table cell or a paragraph (or list item).
const KINDS = [
  ["heading", /<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>/gi],
  ["caption", /<(figcaption|caption|p|div)\b(?:[^>]*class="[^"]*\b(?:note|remark|computed|caption)\b[^"]*")?[^>]*>([\s\S]*?)<\/\1>/gi],
  ["cell", /<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi],
  ["paragraph", /<(p|li|dd|blockquote)\b[^>]*>([\s\S]*?)<\/\1>/gi],
] as const;
type Kind = (typeof KINDS)[number][0];
const fold = (t: string) =>
  visibleText(`<body>${t}`)
    .replace(/\u00ad/g, "")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();

function blockTexts(html: string): Record<Kind, string[]> {
  const body = html.slice(Math.max(0, html.indexOf("<body")));
  const out = { heading: [], caption: [], cell: [], paragraph: [] } as Record<Kind, string[]>;
  for (const [kind, re] of KINDS)
    for (const m of body.matchAll(re)) {
      // Only captions proper: a <p> or <div> counts as one when its class says so.
      if (kind === "caption" && /^(p|div)$/i.test(m[1]) && !/class="[^"]*\b(?:note|remark|computed|caption)\b/.test(m[0].slice(0, 200)))
        continue;
      out[kind].push(fold(m[2]));
    }
  return out;
}

/** A last line of one word under a line of its block: where its text ends an element of the page. */
function oneWordLastLines(pages: PageLines[], html: string): { kind: Kind; page: number; text: string }[] {
  const texts = blockTexts(html);
  const found: { kind: Kind; page: number; text: string }[] = [];
  for (const { page, lines } of pages)
    for (const above of lines) {
      const line = below(lines, above);
      if (!line || /\s/.test(line.text.trim()) || Math.abs(line.size - above.size) > 0.3) continue;
      if (!/\p{L}{2}/u.test(line.text)) continue; // a figure, a mark: not a word
      const next = below(lines, line);
      const gap = above.y - line.y;
      if (next && Math.abs(next.size - line.size) <= 0.3 && line.y - next.y < gap * 1.3) continue; // the block goes on
      const end = fold(`${/\S+$/.exec(above.text)?.[0] ?? ""}${above.hyphenated ? "" : " "}${line.text}`);
      // Headings are set at 10.5 pt and more: smaller text that ends like one is a
      // table header or a label holding the same words (an offer's name in the PaaS matrix).
      const kind = KINDS.map(([k]) => k).find((k) => (k !== "heading" || line.size >= 10.4) && texts[k].some((t) => t.endsWith(end)));
      if (kind) found.push({ kind, page, text: `${above.text.slice(-30)} / ${line.text}` });
    }
  return found;
}

/** The pages of the editorial: from its heading's page to the page before the next section's. */
function editorialPages(pages: Record<string, number>, count: number): number[] {
  const start = pages.editorial;
  if (!start) return [];
  const after = Object.entries(pages)
    .filter(([k, p]) => !k.startsWith("editorial") && p > start)
    .map(([, p]) => p);
  const end = after.length ? Math.min(...after) - 1 : Math.min(start, count);
  return Array.from({ length: end - start + 1 }, (_, i) => start + i);
}

// The finished PDF draws a line-end hyphen in the line's last item ("opposi-"),
// as a word's own hyphen is drawn ("peut-"): a break is a line-end hyphen when
// the word joined without it is in the page's text and, with it, is not.
function lineEndHyphens(pages: PageLines[], html: string): PageLines[] {
  const text = visibleText(html).replace(/\u00ad/g, "");
  return pages.map((p) => ({
    ...p,
    lines: p.lines.map((line) => {
      if (line.hyphenated || !/\p{L}-$/u.test(line.text)) return line;
      const head = (/\S+$/.exec(line.text)?.[0] ?? "").replace(/^[^\p{L}]+|-$/gu, "");
      const tail = (/^\S+/.exec(below(p.lines, line)?.text.trim() ?? "")?.[0] ?? "").replace(/[^\p{L}]+$/u, "");
      const own = text.includes(`${head}-${tail}`);
      return own ? line : { ...line, text: line.text.slice(0, -1), hyphenated: true };
    }),
  }));
}

const letters = (w: string) => (w.replace(/^.*['’ʼ]/u, "").match(/\p{L}/gu) ?? []).length;

/** Line-end hyphens that keep fewer than 3 letters on a side ("ro-|buste"): issue 17's measure, in both languages. */
function shortBreaks(pages: PageLines[]): string[] {
  const out: string[] = [];
  for (const { page, lines } of pages)
    for (const line of lines as Line[]) {
      if (!line.hyphenated) continue;
      const next = below(lines, line);
      const head = /\S+$/.exec(line.text)?.[0] ?? "";
      const tail = /^\S+/.exec(next?.text.trim() ?? "")?.[0] ?? "";
      // The tail without its punctuation: "ro-|buste," keeps 5 letters after.
      if (letters(head) < 3 || (next && letters(tail) < 3)) out.push(`p${page} «${head}-|${tail}»`);
    }
  return out;
}

const argv = process.argv.slice(2);
const at = argv.indexOf("--editions-dir");
const editionsDir = at >= 0 ? path.resolve(argv[at + 1]) : projectPaths.editions;

async function count(dir: string, id: string, lang: Language) {
  const base = path.join(dir, id, `${id}-${lang}`);
  const html = readFileSync(`${base}.html`, "utf8");
  const pdf = readFileSync(`${base}.pdf`);
  const report = existsSync(`${base}.report.json`) ? JSON.parse(readFileSync(`${base}.report.json`, "utf8")) : {};
  const { edition } = await loadManifest(path.join(editionsDir, id, `${lang}.yaml`));
  const policy = hyphenPolicy(edition, projectPaths.templates);
  const isName = (w: string) => isProtectedWord(w, policy);
  const text = visibleText(html);
  const quotes = straightQuotes(text);
  const spacing = lang === "fr" ? frenchSpacingFaults(text).length : 0;
  // Break points (soft hyphens) inside names in the HTML.
  let namesHtml = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\u00ad]*\u00ad[\p{L}\p{N}\u00ad]*/gu))
    if (isName(m[0].replace(/\u00ad/g, ""))) namesHtml += m[0].split("\u00ad").length - 1;
  const lines = lineEndHyphens(await readLines(pdf, AREA), html);
  const faults = findLineFaults(lines, isName);
  const of = (k: string) => faults.filter((f) => f.kind === k).length;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pages: Record<string, number> = report.pageNumbers ?? {};
  const own = new Set(pageStartAnchors(html).map((a) => pages[a] ?? 0));
  const items = readItems(doc);
  const nearEmpty = checkNearEmptyPages(
    linesOfPages(items, AREA),
    items.map((p) => p.images),
    AREA,
    new Set([1, doc.getPageCount(), ...own]),
  );
  const perPage = editorialPages(pages, doc.getPageCount()).map((p) => lines[p - 1]?.lines.filter((l) => l.hyphenated).length ?? 0);
  const short = shortBreaks(lines);
  const last = oneWordLastLines(lines, html);
  const lastOf = (k: Kind) => last.filter((l) => l.kind === k).length;
  return {
    edition: `${id}-${lang}`,
    apostrophes: quotes.apostrophes,
    "double quotes": quotes.doubles,
    "spacing faults": spacing,
    "name breaks (HTML)": namesHtml,
    "names broken (PDF)": of("hyphenated-name"),
    ladders: of("hyphen-ladder"),
    splits: of("split-word"),
    fragments: of("word-fragment"),
    "near-empty pages": nearEmpty.length,
    // Line-end hyphens on each page of the editorial, and in the whole edition.
    "editorial hyphens": perPage.join("+") || "-",
    "all hyphens": lines.reduce((n, p) => n + p.lines.filter((l) => l.hyphenated).length, 0),
    "short breaks": short.length,
    "1-word heading": lastOf("heading"),
    "1-word caption": lastOf("caption"),
    "1-word par.": lastOf("paragraph"),
    "1-word cell": lastOf("cell"),
    details: [
      ...faults.map((f) => `p${f.page} ${f.kind}: ${f.message}`),
      ...nearEmpty.map((f) => `p${f.page} near-empty: ${f.message}`),
      ...short.map((s) => `${s.split(" ")[0]} short break: ${s.slice(s.indexOf(" ") + 1)}`),
      ...last.map((l) => `p${l.page} one-word ${l.kind}: «${l.text}»`),
    ],
  };
}

const dir = path.resolve(argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--editions-dir") ?? projectPaths.output);
const rows = [];
for (const id of readdirSync(dir)
  .filter((d) => /^\d{4}-\d{2}$/.test(d))
  .sort())
  for (const lang of ["fr", "en"] as const)
    if (existsSync(path.join(dir, id, `${id}-${lang}.pdf`)) && existsSync(path.join(editionsDir, id, `${lang}.yaml`)))
      rows.push(await count(dir, id, lang));
const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== "edition" && k !== "details");
console.log(["edition".padEnd(12), ...keys].join(" | "));
for (const r of rows)
  console.log([r.edition.padEnd(12), ...keys.map((k) => String(r[k as keyof typeof r]).padStart(k.length))].join(" | "));
if (process.argv.includes("--details")) for (const r of rows) for (const d of r.details) console.log(`${r.edition}  ${d}`);
