// How full each inner page of built editions is (src/readback/page-fill.ts,
// the fill the typesetting and the preflight both use), and how many fall
// under a half and under a third. Not a test: figures for the notes of a change.
//
//   npx tsx scripts/page-fills.ts [output-dir] [--pages]   (default: output/)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { projectPaths } from "../src/paths.js";
import { pageFill } from "../src/readback/page-fill.js";
import { linesOfPages, readItems } from "../src/readback/print-lines.js";
import { pageStartAnchors } from "../src/typeset/page-start.js";

const AREA = { top: 62.25, bottom: 57 }; // the default page's margins, in points (A4, digital)

async function count(dir: string, id: string, lang: string) {
  const base = path.join(dir, id, `${id}-${lang}`);
  const html = readFileSync(`${base}.html`, "utf8");
  const report = JSON.parse(readFileSync(`${base}.report.json`, "utf8"));
  const doc = await PDFDocument.load(readFileSync(`${base}.pdf`), { updateMetadata: false });
  const items = readItems(doc);
  const fill = pageFill(linesOfPages(items, AREA), AREA);
  const pages: Record<string, number> = report.pageNumbers ?? {};
  const starts = new Set(pageStartAnchors(html).map((a) => pages[a] ?? 0));
  const last = doc.getPageCount();
  const inner = fill.map((f, i) => ({ page: i + 1, fill: f, images: items[i].images })).filter((p) => p.page > 1 && p.page < last);
  // A page that ends a section the next page must start (page-start).
  const endsSection = (p: number) => starts.has(p + 1) || p + 1 === last;
  return {
    edition: `${id}-${lang}`,
    pages: last,
    "under 1/2": inner.filter((p) => p.fill < 0.5).length,
    "under 1/2, not ending a section": inner.filter((p) => p.fill < 0.5 && !endsSection(p.page)).length,
    "under 1/3": inner.filter((p) => p.fill < 1 / 3).length,
    list: inner.map(
      (p) =>
        `p${p.page} ${(p.fill * 100).toFixed(1)}%${endsSection(p.page) ? " (ends a section)" : ""}${p.images ? ` (${p.images} img)` : ""}`,
    ),
  };
}

const args = process.argv.slice(2);
const dir = path.resolve(args.find((a) => !a.startsWith("--")) ?? projectPaths.output);
for (const id of readdirSync(dir)
  .filter((d) => /^\d{4}-\d{2}$/.test(d))
  .sort())
  for (const lang of ["fr", "en"])
    if (existsSync(path.join(dir, id, `${id}-${lang}.pdf`))) {
      const r = await count(dir, id, lang);
      console.log(
        `${r.edition}  ${r.pages} pages  under 1/2: ${r["under 1/2"]} (${r["under 1/2, not ending a section"]} not ending a section)  under 1/3: ${r["under 1/3"]}`,
      );
      if (args.includes("--pages")) console.log(`  ${r.list.join("  ")}`);
    }
