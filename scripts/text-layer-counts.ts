// Prints, for every PDF built in a folder (default output/), what readers get
// from its text layer: soft hyphens, invisible characters inside words, words
// of the HTML it was printed from that each reader does not find as often,
// and the warnings of pdf.js, qpdf, mutool and Ghostscript.
//   npx tsx scripts/text-layer-counts.ts [output-dir] [--words]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { READERS, readerText, readerWarnings } from "../tests/support/pdf-readers.js";
import { compareWords } from "../tests/support/text-words.js";

const args = process.argv.slice(2);
const showWords = args.includes("--words");
const dir = path.resolve(args.find((a) => !a.startsWith("--")) ?? "output");

const pdfs = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d{4}-\d{2}$/.test(d.name))
  .flatMap((d) =>
    readdirSync(path.join(dir, d.name))
      .filter((f) => f.endsWith(".pdf") && existsSync(path.join(dir, d.name, f.replace(/\.pdf$/, ".html"))))
      .map((f) => path.join(dir, d.name, f)),
  )
  .sort();

if (!pdfs.length) {
  console.error(`no built PDF with its HTML under ${dir}`);
  process.exit(2);
}

for (const pdf of pdfs) {
  const html = readFileSync(pdf.replace(/\.pdf$/, ".html"), "utf8");
  console.log(path.relative(process.cwd(), pdf));
  for (const reader of READERS) {
    const c = compareWords(html, await readerText(pdf, reader));
    console.log(
      `  ${reader.padEnd(11)} soft hyphens ${String(c.softHyphens).padStart(5)}  inside words ${String(c.insideWords).padStart(5)}  ` +
        `words not found ${String(c.missingCount).padStart(5)} of ${c.htmlWords} (${c.missing.length} distinct)`,
    );
    if (showWords && c.missing.length)
      console.log(
        `           ${c.missing
          .map((m) => `${m.word} ${m.pdf}/${m.html}`)
          .join(", ")
          .slice(0, 600)}`,
      );
  }
  const warnings = await readerWarnings(pdf);
  for (const [tool, lines] of Object.entries(warnings)) {
    console.log(`  ${tool.padEnd(11)} warnings ${lines.length}${lines.length ? `: ${[...new Set(lines)].slice(0, 4).join(" | ")}` : ""}`);
  }
}
