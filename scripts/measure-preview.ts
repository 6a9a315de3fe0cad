// Measurement (not a test): how long from a save to the refreshed pages on
// screen in the preview, end to end. A preview server runs over a throwaway
// copy of the project; a headless Chromium tab shows the edition; each run
// saves a visible change and waits until the tab has painted the new PDF (the
// client stamps the time it swapped pages in): first the kept page's first
// print of the save, then the build's settled PDF. Kinds of save: a
// stylesheet rule (css), a word in the editorial's first paragraph of the
// manifest, which reflows it (paragraph), the editorial's template (template).
//   npm run measure:preview [-- --runs 7 --edition 2025-12 --view page|grid|both --save css,paragraph,template]
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
  `Usage: npm run measure:preview [-- --runs N --edition YYYY-MM --view page|grid|both --save KINDS --screenshot FILE]

Measures the preview's save-to-screen time: a preview server over a throw-away
copy of the project, a headless tab on page 3, and N saves of each kind, each
timed until the tab has painted the save's first print, then the settled PDF.
  --runs N            saves per view and kind (default 7)
  --edition YYYY-MM   the edition shown (default 2025-12)
  --view V            page, grid or both (default page)
  --save KINDS        css, paragraph, template, comma-separated (default css,paragraph)
  --screenshot FILE   afterwards, a picture of the page view (outlines on)
  -h, --help          show this help
`,
  {
    runs: { type: "string", default: "7" },
    edition: { type: "string", default: "2025-12" },
    view: { type: "string", default: "page" },
    save: { type: "string", default: "css,paragraph" },
    screenshot: { type: "string" },
  },
);
const runs = Number(values.runs);
if (!(Number.isInteger(runs) && runs > 0)) throw new Error(`--runs: expected a whole number above 0, got "${values.runs}"`);
const views = values.view === "both" ? ["page", "grid"] : [values.view as string];
const kinds = String(values.save).split(",");
for (const k of kinds)
  if (!["css", "paragraph", "template"].includes(k)) throw new Error(`--save: expected css, paragraph or template, got "${k}"`);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs: number[]) => `median ${Math.round(median(xs))} ms, min ${Math.min(...xs)} ms, max ${Math.max(...xs)} ms`;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const project = copyProject();
const preview = await startPreview({
  paths: project.paths,
  port: 0,
  edition: values.edition,
  outputDir: path.join(project.paths.root, "preview-out"),
  reporter: { failed: (key, lines) => console.error(key, lines.join("\n")) },
});
const browser = await puppeteer.launch({
  executablePath: findChromium(),
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});

const shown = (page: Page) =>
  page.evaluate(() => {
    const d = document.documentElement.dataset;
    return {
      version: Number(d.shownVersion ?? 0),
      at: Number(d.shownAt ?? 0),
      received: Number(d.receivedAt ?? 0),
      // A preview without first prints (an older checkout, measured as "before") shows only settled renders.
      settled: Number(d.settledVersion ?? d.shownVersion ?? 0),
      settledAt: Number(d.settledAt ?? d.shownAt ?? 0),
      painted: d.paintedPages ?? "",
    };
  });

/** The file each kind of save writes, and the visible change its n-th save makes. */
function saves(paths: typeof project.paths) {
  const css = path.join(paths.assets, "styles", "edition.css");
  const manifest = path.join(paths.editions, values.edition as string, "fr.yaml");
  const template = path.join(paths.templates, "sections", "editorial.hbs");
  const change: Record<string, [string, (text: string, n: number) => string]> = {
    css: [css, (text, n) => `${text}\n.editorial h2 { color: #${String(n % 10).repeat(2)}2a4a; }\n`],
    paragraph: [
      manifest,
      (text, n) => {
        // The editorial's first paragraph, one word longer: it reflows.
        const at = text.indexOf('- p: "', text.indexOf("type: editorial")) + '- p: "'.length;
        return `${text.slice(0, at)}Mesure ${n}, ${text.slice(at)}`;
      },
    ],
    template: [
      template,
      (text, n) => text.replace('<header class="section-head">', `<header class="section-head">\n    <p class="kicker">Measure ${n}</p>`),
    ],
  };
  return change;
}

try {
  const change = saves(project.paths);
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  let edit = 0;
  for (const view of views) {
    // Page 3 is where the editorial starts in every edition so far.
    await page.goto(`${preview.editionUrl}?view=${view}&page=3`);
    await page.waitForFunction(() => Number(document.documentElement.dataset.shownVersion) > 0, { timeout: 120_000 });
    await preview.idle();
    const pages = await page.evaluate(() => document.querySelector("#page-indicator")?.textContent?.split("/ ")[1]);
    for (const kind of kinds) {
      const [file, edited] = change[kind];
      const original = readFileSync(file, "utf8");
      const firsts: number[] = [];
      const settles: number[] = [];
      const paints: number[] = [];
      for (let run = 0; run < runs; run++) {
        await preview.idle();
        await pause(700); // let the machine settle between saves
        const before = await shown(page);
        edit++;
        const saved = Date.now();
        writeFileSync(file, edited(original, edit));
        await page.waitForFunction((v) => Number(document.documentElement.dataset.shownVersion) > v, { timeout: 60_000 }, before.version);
        const first = await shown(page);
        await page.waitForFunction(
          (v) => {
            const d = document.documentElement.dataset;
            return Number(d.settledVersion ?? d.shownVersion) > v;
          },
          { timeout: 60_000 },
          before.settled,
        );
        const settled = await shown(page);
        firsts.push(first.at - saved);
        settles.push(settled.settledAt - saved);
        paints.push(first.at - first.received);
        console.log(
          `  ${view} view, ${kind} save ${run + 1}: first print shown ${first.at - saved} ms (pages ${first.painted || "none"} painted,` +
            ` ${first.at - first.received} ms of it to fetch and paint), settled ${settled.settledAt - saved} ms (pages ${settled.painted || "none"} painted)`,
        );
      }
      // The file as it was, and its render settled, before the next kind of save is timed.
      const last = (await shown(page)).settled;
      writeFileSync(file, original);
      await page.waitForFunction(
        (v) => {
          const d = document.documentElement.dataset;
          return Number(d.settledVersion ?? d.shownVersion) > v;
        },
        { timeout: 60_000 },
        last,
      );
      console.log(`${values.edition} (${pages} pages), ${view} view, ${kind} save, ${runs} saves:`);
      console.log(`  save -> new page shown:  ${summary(firsts)}`);
      console.log(`  save -> settled (build): ${summary(settles)}`);
      console.log(`  of the first, fetch and paint in the tab: ${summary(paints)}`);
    }
  }
  await preview.idle();
  const measured = (await shown(page)).version;
  if (values.screenshot) {
    // The untouched files again, so the picture shows the edition as it is.
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
