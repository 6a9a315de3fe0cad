// A rebuild starts from the typesetting decisions of the last build (words
// printed whole, balancing rules) when every input is the same, and then only
// confirms them; the PDF is the one a build from nothing gives. Other inputs,
// or a report that does not match, start from nothing again.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";
import { build } from "../../src/pipeline/build-edition.js";
import type { JobResult } from "../../src/pipeline/build-types.js";
import { typesetSeed } from "../../src/pipeline/typeset-memo.js";
import { copyProject, type ProjectCopy } from "../support/project-copy.js";

const passes = (job: JobResult) => Object.keys(job.timings).filter((stage) => /^(measure|reprint)-/.test(stage));

describe("the typesetting decisions of the last build", () => {
  let project: ProjectCopy;
  let session: BrowserSession;
  let cold: JobResult;
  // April: the edition whose first print still asks for fixes (December's and March's no longer
  // do, since running text is set with text-wrap: pretty).
  const report = () => path.join(project.paths.output, "2026-04", "2026-04-en.report.json");
  const rebuild = async () => (await build({ paths: project.paths, editions: ["2026-04"], session })).jobs[0];

  beforeAll(async () => {
    project = copyProject();
    session = new BrowserSession();
    cold = await rebuild();
  });
  afterAll(async () => {
    await session.close();
    project.remove();
  });

  it("are kept in the report with the digest of the inputs they hold for", () => {
    const memo = JSON.parse(readFileSync(report(), "utf8")).typeset;
    expect(memo.key).toMatch(/^[0-9a-f]{64}$/);
    expect(memo.keepWhole.length).toBeGreaterThan(0);
    // April needs passes from nothing: words at fault are printed whole, pages balanced.
    expect(passes(cold)).toContain("reprint-1");
  });

  const html = () => path.join(project.paths.output, "2026-04", "2026-04-en.html");

  it("let a rebuild of the same inputs print the kept HTML once and measure nothing, to the same bytes", async () => {
    const memo = JSON.parse(readFileSync(report(), "utf8")).typeset;
    expect(memo.html.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(memo.print.key).toMatch(/^[0-9a-f]{64}$/);
    const again = await rebuild();
    expect(passes(again)).toEqual([]);
    expect(again.prints).toBe(1);
    expect(again.sha256).toBe(cold.sha256);
    // The page's findings come from the report, as the page showed them.
    expect(again.preflight).toEqual(cold.preflight);
  });

  it("measure again when the print is not the kept one, and render again when the kept HTML was changed", async () => {
    const kept = readFileSync(html(), "utf8");
    const memo = JSON.parse(readFileSync(report(), "utf8"));
    memo.typeset.print.key = "0".repeat(64);
    writeFileSync(report(), JSON.stringify(memo));
    writeFileSync(html(), kept.replace("</body>", "<p>edited by hand</p></body>"));
    const again = await rebuild();
    expect(passes(again)).toEqual(["measure-1"]);
    expect(again.sha256).toBe(cold.sha256);
    expect(readFileSync(html(), "utf8")).toBe(kept);
  });

  it("start from the last build's Chromium while the browser starts, and confirm it: another version recorded still ends on the kept HTML", async () => {
    const memo = JSON.parse(readFileSync(report(), "utf8"));
    memo.chromium = "HeadlessChrome/1.0.0.0";
    writeFileSync(report(), JSON.stringify(memo));
    const again = await rebuild();
    expect(passes(again)).toEqual([]);
    expect(again.sha256).toBe(cold.sha256);
  });

  // Made while Chromium prints the kept HTML, with the last cover's size (job-stages.ts, earlyWebEdition).
  it("give a rebuild the web edition the write would make, and a cover of another size makes it again", async () => {
    const dir = path.join(project.paths.output, "2026-04");
    const web = () => readFileSync(path.join(dir, "2026-04-en-web.html"), "utf8");
    const size = (html: string) =>
      [/og:image:width" content="(\d+)"/, /og:image:height" content="(\d+)"/].map((r) => Number(r.exec(html)?.[1]));
    const cover = path.join(dir, "2026-04-en-cover.png");
    const png = readFileSync(cover);
    const drawn = [png.readUInt32BE(16), png.readUInt32BE(20)];
    const before = web();
    expect(size(before)).toEqual(drawn);
    await rebuild();
    expect(web()).toBe(before);
    // A cover said to be 10 × 10 px (its IHDR words): the early web edition takes that size; the
    // rebuild draws the cover again (its sha256 is not the one recorded), and the write must not use it.
    const small = Buffer.from(png);
    small.writeUInt32BE(10, 16);
    small.writeUInt32BE(10, 20);
    writeFileSync(cover, small);
    const again = await rebuild();
    expect(passes(again)).toEqual([]);
    expect(size(web())).toEqual(drawn);
    expect(web()).toBe(before);
  });

  it("are not used when the report's digest is another's: the passes run again, to the same bytes", async () => {
    const memo = JSON.parse(readFileSync(report(), "utf8"));
    memo.typeset.key = "0".repeat(64);
    writeFileSync(report(), JSON.stringify(memo));
    const again = await rebuild();
    expect(passes(again)).toContain("reprint-1");
    expect(again.sha256).toBe(cold.sha256);
  });

  it("give a draft (the preview) the words of its last render even when inputs changed, never its page rules", async () => {
    const memo = JSON.parse(readFileSync(report(), "utf8")).typeset;
    expect(await typesetSeed(report(), "f".repeat(64), true)).toEqual({ keepWhole: memo.keepWhole, css: [] });
    expect(await typesetSeed(report(), "f".repeat(64), false)).toBeUndefined();
    expect(await typesetSeed(report(), memo.key, false)).toEqual({ keepWhole: memo.keepWhole, css: memo.css });
  });
});
