#!/usr/bin/env node
// The yardstick of `npm run bench`: what anyone would write to print an HTML
// file with Chromium, as one small Node script (launch, load, wait for the
// fonts, print tagged to PDF, close). The build is compared with this process.
// Prints the time of each step as one JSON line, for the benchmark's breakdown.
//   node scripts/plain-print.mjs <file.html> <out.pdf>
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const steps = {};
let last = performance.now();
const step = (name) => {
  const now = performance.now();
  steps[name] = Math.round(now - last);
  last = now;
};

const [html, out] = process.argv.slice(2);
if (!html || !out || html === "--help" || html === "-h") {
  process.stdout.write(
    "Usage: node scripts/plain-print.mjs <file.html> <out.pdf>\n\nPrints an HTML file to PDF with Chromium, nothing more (the benchmark's yardstick).\n",
  );
  process.exit(html === "--help" || html === "-h" ? 0 : 2);
}
const { default: puppeteer } = await import("puppeteer-core");
step("import");
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
});
step("launch");
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  step("load");
  writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false }));
  step("print");
} finally {
  await browser.close();
  step("close");
}
// "start": from the process's start (performance's time origin) to the first line here.
const start = Math.round(performance.now() - Object.values(steps).reduce((a, b) => a + b, 0));
process.stdout.write(`${JSON.stringify({ start, ...steps })}\n`);
