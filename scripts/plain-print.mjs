#!/usr/bin/env node
// The yardstick of `npm run bench`: what anyone would write to print an HTML
// file with Chromium, as one small Node script (launch, load, wait for the
// fonts, print tagged to PDF, close). The build is compared with this process.
//   node scripts/plain-print.mjs <file.html> <out.pdf>
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const [html, out] = process.argv.slice(2);
if (!html || !out || html === "--help" || html === "-h") {
  process.stdout.write(
    "Usage: node scripts/plain-print.mjs <file.html> <out.pdf>\n\nPrints an HTML file to PDF with Chromium, nothing more (the benchmark's yardstick).\n",
  );
  process.exit(html === "--help" || html === "-h" ? 0 : 2);
}
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
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  writeFileSync(out, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false }));
} finally {
  await browser.close();
}
