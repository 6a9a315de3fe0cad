// Counts of typographic faults in built editions, from the HTML that was
// printed and the PDF: straight apostrophes and quotes, French spacing faults,
// breaks inside names (soft hyphens in the HTML, broken lines in the PDF),
// hyphen ladders, words split across breaks, fragments on last lines, inner
// pages under a third full. Not a test: it prints figures, for the notes of a change.
//
//   npx tsx scripts/typography-counts.ts [output-dir] [--details]   (default: output/)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { loadManifest } from "../src/manifest/load.js";
import type { Language } from "../src/manifest/primitives.js";
import { projectPaths } from "../src/paths.js";
import { checkNearEmptyPages } from "../src/preflight/pdf-pages.js";
import { linesOfPages, readItems, readLines } from "../src/readback/print-lines.js";
import { frenchSpacingFaults, straightQuotes, visibleText } from "../src/readback/text-faults.js";
import { hyphenPolicy, isProtectedWord } from "../src/render/word-policy.js";
import { findLineFaults } from "../src/typeset/line-faults.js";
import { pageStartAnchors } from "../src/typeset/page-start.js";

const AREA = { top: 62.25, bottom: 57 }; // the default page's margins, in points (A4, digital)

async function count(dir: string, id: string, lang: Language) {
  const base = path.join(dir, id, `${id}-${lang}`);
  const html = readFileSync(`${base}.html`, "utf8");
  const pdf = readFileSync(`${base}.pdf`);
  const report = existsSync(`${base}.report.json`) ? JSON.parse(readFileSync(`${base}.report.json`, "utf8")) : {};
  const { edition } = await loadManifest(path.join(projectPaths.editions, id, `${lang}.yaml`));
  const policy = hyphenPolicy(edition, projectPaths.templates);
  const isName = (w: string) => isProtectedWord(w, policy);
  const text = visibleText(html);
  const quotes = straightQuotes(text);
  const spacing = lang === "fr" ? frenchSpacingFaults(text).length : 0;
  // Break points (soft hyphens) inside names in the HTML.
  let namesHtml = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}\u00ad]*\u00ad[\p{L}\p{N}\u00ad]*/gu))
    if (isName(m[0].replace(/\u00ad/g, ""))) namesHtml += m[0].split("\u00ad").length - 1;
  const faults = findLineFaults(await readLines(pdf, AREA), isName);
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
    details: [...faults.map((f) => `p${f.page} ${f.kind}: ${f.message}`), ...nearEmpty.map((f) => `p${f.page} near-empty: ${f.message}`)],
  };
}

const dir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) ?? projectPaths.output);
const rows = [];
for (const id of readdirSync(dir)
  .filter((d) => /^\d{4}-\d{2}$/.test(d))
  .sort())
  for (const lang of ["fr", "en"] as const)
    if (existsSync(path.join(dir, id, `${id}-${lang}.pdf`)) && existsSync(path.join(projectPaths.editions, id, `${lang}.yaml`)))
      rows.push(await count(dir, id, lang));
const keys = Object.keys(rows[0] ?? {}).filter((k) => k !== "edition" && k !== "details");
console.log(["edition".padEnd(12), ...keys].join(" | "));
for (const r of rows)
  console.log([r.edition.padEnd(12), ...keys.map((k) => String(r[k as keyof typeof r]).padStart(k.length))].join(" | "));
if (process.argv.includes("--details")) for (const r of rows) for (const d of r.details) console.log(`${r.edition}  ${d}`);
