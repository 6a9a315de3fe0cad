// Tiles the pages of a PDF into one PNG, to look at an edition at a glance:
//   npx tsx scripts/contact-sheet.ts output/2026-04/2026-04-en.pdf sheet.png [dpi] [columns]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { scriptArgs } from "./script-args.js";

const HELP = `Usage: npx tsx scripts/contact-sheet.ts <file.pdf> <out.png> [dpi] [columns]

Tiles the pages of a PDF into one PNG (default 30 dpi, 6 columns).
  -h, --help   show this help
`;
const [pdf, out, dpi = "30", cols = "6"] = scriptArgs(HELP, {}).positionals;
if (!pdf || !out) {
  process.stderr.write(HELP);
  process.exit(2);
}
const dir = mkdtempSync(path.join(os.tmpdir(), "sheet-"));
try {
  execFileSync("pdftoppm", ["-png", "-r", dpi, pdf, path.join(dir, "p")]);
  const pages = readdirSync(dir)
    .sort()
    .map((f) => PNG.sync.read(readFileSync(path.join(dir, f))));
  const w = Math.max(...pages.map((p) => p.width));
  const h = Math.max(...pages.map((p) => p.height));
  const columns = Math.min(Number(cols), pages.length);
  const rows = Math.ceil(pages.length / columns);
  const gap = 8;
  const sheet = new PNG({ width: columns * (w + gap) + gap, height: rows * (h + gap) + gap });
  sheet.data.fill(0x88);
  pages.forEach((p, i) => {
    const x0 = gap + (i % columns) * (w + gap);
    const y0 = gap + Math.floor(i / columns) * (h + gap);
    PNG.bitblt(p, sheet, 0, 0, p.width, p.height, x0, y0);
  });
  writeFileSync(out, PNG.sync.write(sheet));
  console.log(`${out}: ${pages.length} pages`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
