// Measurement (not a test): how long from saving a template to the refreshed
// pages on screen in the preview, end to end. A preview server runs over a
// throwaway copy of the project; a headless Chromium tab shows the edition;
// each run makes a visible change to the editorial template and waits until
// the tab has painted the new PDF (the client stamps the time it swapped them in).
//   npm run measure:preview [-- --runs 7 --edition 2025-12 --view page|grid|both]
// With --screenshot docs/preview.png it also takes the README's picture of the
// preview (page view, outlines on) once the runs are done.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import puppeteer, { type Page } from "puppeteer-core";
import { findChromium } from "../src/browser/find-chromium.js";
import { startPreview } from "../src/preview/start-preview.js";
import { copyProject } from "../tests/support/project-copy.js";
import { scriptArgs } from "./script-args.js";

const { values } = scriptArgs(
  `Usage: npm run measure:preview [-- --runs N --edition YYYY-MM --view page|grid|both --screenshot FILE]

Measures the preview's save-to-screen time: a preview server over a throw-away
copy of the project, a headless tab on page 3, and N saves of the editorial
template, each timed until the tab has painted the new pages.
  --runs N            saves per view (default 7)
  --edition YYYY-MM   the edition shown (default 2025-12)
  --view V            page, grid or both (default both)
  --screenshot FILE   afterwards, a picture of the page view (outlines on)
  -h, --help          show this help
`,
  {
    runs: { type: "string", default: "7" },
    edition: { type: "string", default: "2025-12" },
    view: { type: "string", default: "both" },
    screenshot: { type: "string" },
  },
);
const runs = Number(values.runs);
if (!(Number.isInteger(runs) && runs > 0)) throw new Error(`--runs: expected a whole number above 0, got "${values.runs}"`);
const views = values.view === "both" ? ["page", "grid"] : [values.view as string];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs: number[]) => `median ${Math.round(median(xs))} ms, min ${Math.min(...xs)} ms, max ${Math.max(...xs)} ms`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const project = copyProject();
const renderMs: number[] = [];
const preview = await startPreview({
  paths: project.paths,
  port: 0,
  edition: values.edition,
  outputDir: path.join(project.paths.root, "preview-out"),
  reporter: { rendered: (_key, _pages, ms) => renderMs.push(ms), failed: (key, lines) => console.error(key, lines.join("\n")) },
});
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

const shown = (page: Page) =>
  page.evaluate(() => {
    const d = document.documentElement.dataset;
    return { version: Number(d.shownVersion ?? 0), at: Number(d.shownAt ?? 0), received: Number(d.receivedAt ?? 0) };
  });

try {
  const template = path.join(project.paths.templates, "sections", "editorial.hbs");
  const original = readFileSync(template, "utf8");
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  let edit = 0;
  for (const view of views) {
    // Page 3 is where the editorial starts in every edition so far.
    await page.goto(`${preview.editionUrl}?view=${view}&page=3`);
    await page.waitForFunction(() => Number(document.documentElement.dataset.shownVersion) > 0, { timeout: 120_000 });
    const pages = await page.evaluate(() => document.querySelector("#page-indicator")?.textContent?.split("/ ")[1]);
    const totals: number[] = [];
    const renders: number[] = [];
    const paints: number[] = [];
    for (let run = 0; run < runs; run++) {
      await pause(700); // let the machine settle between saves
      const before = await shown(page);
      edit++;
      const marked = original.replace(
        '<header class="section-head">',
        `<header class="section-head">\n    <p class="kicker">Measure ${edit}</p>`,
      );
      const renderCount = renderMs.length;
      const saved = Date.now();
      writeFileSync(template, marked);
      await page.waitForFunction((v) => Number(document.documentElement.dataset.shownVersion) > v, { timeout: 60_000 }, before.version);
      const after = await shown(page);
      totals.push(after.at - saved);
      renders.push(renderMs[renderCount] ?? Number.NaN);
      paints.push(after.at - after.received);
      console.log(
        `  ${view} view, run ${run + 1}: ${after.at - saved} ms from save to pages shown` +
          ` (build ${renders[renders.length - 1]} ms, then ${after.at - after.received} ms to fetch and paint)`,
      );
    }
    console.log(`${values.edition} (${pages} pages), ${view} view, ${runs} saves: ${summary(totals)}`);
    console.log(`  of which build(): ${summary(renders)}; fetch and paint: ${summary(paints)}`);
  }
  const measured = (await shown(page)).version;
  writeFileSync(template, original);
  if (values.screenshot) {
    // The untouched template again, so the picture shows the edition as it is.
    await page.goto(`${preview.editionUrl}?view=page&page=3&outlines=1`);
    await page.waitForFunction((v) => Number(document.documentElement.dataset.shownVersion) > v, { timeout: 60_000 }, measured);
    await page.screenshot({ path: values.screenshot as `${string}.png` });
    console.log(`screenshot: ${values.screenshot}`);
  }
} finally {
  await browser.close();
  await preview.close();
  project.remove();
}
