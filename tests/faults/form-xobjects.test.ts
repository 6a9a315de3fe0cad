// `opacity` below 1 (or any Form XObject Chromium prints) made preflight's
// PDF text reader loop forever at full CPU, memory growing, deaf to Ctrl-C:
// the walk of a Form XObject reset the one shared sticky regex, so its caller
// resumed at an earlier offset and met the same `Do` again. The reader runs
// in a child process here, so a regression fails on its time bound instead of
// freezing the test worker.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { scratch } from "../support/fault-kit.js";

let s: ReturnType<typeof scratch> | undefined;
afterEach(() => s?.done());

it("a page with opacity (two Form XObjects) is read in well under a second, with its text", () => {
  s = scratch("opacity-");
  const html = path.join(s.dir, "opacity.html");
  const pdf = path.join(s.dir, "opacity.pdf");
  writeFileSync(html, '<html lang="en"><body><h1 style="opacity:.6">Title</h1><p style="opacity:.5">Hello &amp; more</p></body></html>');
  const print = spawnSync(
    "/usr/bin/chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-pdf-header-footer",
      `--user-data-dir=${path.join(s.dir, "profile")}`,
      `--print-to-pdf=${pdf}`,
      html,
    ],
    { timeout: 60_000, env: { ...process.env, TMPDIR: s.tmp } },
  );
  expect(print.status).toBe(0);
  const script = `
    import { readFileSync } from "node:fs";
    import { PDFDocument } from "pdf-lib";
    import { readPageTexts } from "./src/preflight/pdf-text.ts";
    const doc = await PDFDocument.load(readFileSync(${JSON.stringify(pdf)}));
    const started = performance.now();
    const [page] = readPageTexts(doc);
    console.log(JSON.stringify({ text: page.text, runs: page.runs.length, ms: performance.now() - started }));`;
  const run = spawnSync(path.join(projectRoot, "node_modules/.bin/tsx"), ["--input-type=module", "-e", script], {
    cwd: projectRoot,
    timeout: 20_000,
    encoding: "utf8",
  });
  expect(run.signal, "the reader did not finish within 20 s").toBeNull();
  const result = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}");
  console.log(`opacity page read in ${Math.round(result.ms)} ms`);
  // Each run once: the loop repeated them without end.
  expect(result.text.replace(/\s+/g, "")).toBe("TitleHello&more");
  expect(result.ms).toBeLessThan(1_000);
});
