// Benchmark (not a test): prints how long a build takes against a plain
// Chromium print of the same HTML, and how big the PDF is against Chromium's.
//   npm run bench [-- --runs 5 --edition 2026-04]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import puppeteer from "puppeteer-core";
import { findChromium } from "../src/browser/find-chromium.js";
import { printPdf } from "../src/browser/print-page.js";
import { latestEdition } from "../src/manifest/discover.js";
import { build } from "../src/pipeline/build-edition.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, edition: { type: "string" } } });
const runs = Number(values.runs);
const edition = values.edition ?? (await latestEdition());
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-"));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${Math.round(x)} ms`;

/** What anyone would do by hand: launch Chromium, load the HTML, print it, close. */
async function plainPrint(htmlFile: string): Promise<{ ms: number; bytes: number }> {
  const start = performance.now();
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await printPdf(page);
    return { ms: performance.now() - start, bytes: pdf.length };
  } finally {
    await browser.close();
  }
}

/** A build with a cold Chromium; `outputDir` reused means the last page numbers are known. */
async function timeBuild(options: Parameters<typeof build>[0], outputDir = path.join(tmp, String(Math.random()))) {
  const start = performance.now();
  const result = await build({ ...options, outputDir });
  return { ms: performance.now() - start, result };
}

try {
  // Warm the disk cache and the module graph once, outside the measurements.
  const warm = await timeBuild({ editions: [edition] });
  const htmlFile = warm.result.jobs[0].html;
  const plain: number[] = [];
  const one: number[] = [];
  const all: number[] = [];
  const again: number[] = [];
  const warmOut = path.join(tmp, "again");
  await timeBuild({ editions: [edition] }, warmOut);
  const stages: Record<string, number[]> = {};
  let rawBytes = 0;
  for (let i = 0; i < runs; i++) {
    const p = await plainPrint(htmlFile);
    plain.push(p.ms);
    rawBytes = p.bytes;
    const b = await timeBuild({ editions: [edition] });
    one.push(b.ms);
    for (const [stage, t] of Object.entries(b.result.jobs[0].timings)) (stages[stage] ??= []).push(t);
    all.push((await timeBuild({ all: true })).ms);
    again.push((await timeBuild({ editions: [edition] }, warmOut)).ms);
  }
  const finalBytes = readFileSync(warm.result.jobs[0].pdf as string).length;
  const allCount = (await build({ all: true, htmlOnly: true, outputDir: path.join(tmp, "count") })).jobs.length;
  console.log(`edition ${edition}, ${runs} runs, medians (cold: each run launches its own Chromium)`);
  console.log("stages of one build:");
  for (const [stage, t] of Object.entries(stages)) console.log(`  ${stage.padEnd(16)} ${ms(median(t)).padStart(8)}`);
  console.log(`plain Chromium print (launch, load, print)  ${ms(median(plain))}`);
  console.log(
    `whole build of ${edition}                      ${ms(median(one))}   ratio ${(median(one) / median(plain)).toFixed(2)} (aim <= 1.2)`,
  );
  console.log(
    `rebuild of ${edition}, contents numbers known      ${ms(median(again))}   ratio ${(median(again) / median(plain)).toFixed(2)}`,
  );
  console.log(
    `build --all (${allCount} editions)                    ${ms(median(all))}   ratio to one ${(median(all) / median(one)).toFixed(2)} (aim <= 1.6)`,
  );
  console.log(
    `PDF size: ${finalBytes} bytes, Chromium's raw tagged output ${rawBytes} bytes, ratio ${(finalBytes / rawBytes).toFixed(2)} (aim <= 0.33)`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
