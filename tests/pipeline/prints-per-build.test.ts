// How many times a build prints, read from the build report: a fresh build of
// each of the three editions prints 2 or 3 times (typesetting passes until a
// print asks for no fix and shows the numbers it printed at; PRINTS below says
// how many each needs and why), a rebuild of the same inputs once; and the rebuild's PDF is the
// fresh build's, byte for byte, taken with its preflight and conformance from
// that build since its raw print is the same (src/pipeline/finish-memo.ts),
// with its cover image (unless the file was changed since) and its HTML, which
// is not rendered a second time. The fresh builds are the test run's shared
// build (tests/support/global-build.ts); the rebuild runs over a copy of them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";
import { build } from "../../src/pipeline/build-edition.js";
import type { JobResult } from "../../src/pipeline/build-types.js";
import { printKey } from "../../src/pipeline/finish-memo.js";
import { built, EDITIONS } from "../support/built-editions.js";

/** The share of pixels that differ between two PNGs of the same size (1 when the sizes differ). */
function differingPixels(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return 1;
  return pixelmatch(x.data, y.data, undefined, x.width, x.height, { threshold: 0.1 }) / (x.width * x.height);
}

const REDRAWN = "2026-03";

const printStages = (timings: Record<string, number>) =>
  Object.keys(timings).filter((s) => /^(print|reprint-\d+|print-contents|print-again)$/.test(s));

describe("prints per build", () => {
  let dir: string;
  let session: BrowserSession;
  let rebuilt: JobResult[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "observatory-rebuild-"));
    cpSync(inject("builtDir"), dir, { recursive: true });
    // A cover that is no longer the one drawn is drawn again, not kept (its sha256 is in the report).
    writeFileSync(path.join(dir, REDRAWN, `${REDRAWN}-en-cover.png`), "not the cover");
    session = new BrowserSession();
    rebuilt = (await build({ all: true, outputDir: dir, session })).jobs;
  });
  afterAll(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Fresh prints: each typesetting pass that moves something is a print (src/typeset/balance.ts);
  // December's and March's first print asks for no fix (running text is set with text-wrap: pretty,
  // so no word is left to print whole) and their second carries the contents' page numbers; April
  // needs two passes and a third print confirming them.
  const PRINTS: Record<string, number> = { "2025-12": 2, "2026-03": 2, "2026-04": 3 };
  it.each(EDITIONS)("a fresh build of $id prints as often as its passes need, and its report says so", ({ id, language }) => {
    const report = built(id, language).report as unknown as { prints: number; timingsMs: Record<string, number> };
    expect(report.prints).toBe(PRINTS[id]);
    // The count agrees with the print stages timed, and none is a probe print of its own.
    expect(printStages(report.timingsMs)).toHaveLength(PRINTS[id]);
  });

  it.each(EDITIONS)("a rebuild of $id prints once, to the fresh build's bytes", ({ id, language }) => {
    const job = rebuilt.find((j) => j.id === id && j.language === language);
    const fresh = built(id, language);
    expect(job?.prints).toBe(1);
    expect(printStages(job?.timings ?? {})).toEqual(["print"]);
    expect(job?.sha256).toBe(fresh.report.sha256);
    expect(readFileSync(job?.pdf ?? "").equals(readFileSync(fresh.pdf))).toBe(true);
    // The HTML kept is the one the rebuild rendered first (its numbers and decisions held): the fresh build's.
    expect(readFileSync(job?.html ?? "").equals(readFileSync(fresh.html))).toBe(true);
    // And the report it writes records it.
    expect(JSON.parse(readFileSync(job?.report ?? "", "utf8")).prints).toBe(1);
  });

  it.each(EDITIONS)(
    "a rebuild of $id takes finishing, the PDF preflight, the conformance check and the cover image from the fresh build",
    ({ id, language }) => {
      const job = rebuilt.find((j) => j.id === id && j.language === language);
      const fresh = built(id, language).report as unknown as { finishing: { reused: string[] }; preflight: unknown; conformance: unknown };
      // The fresh build ran them all (an empty output/); the rebuild's raw print differs from the fresh
      // build's last one in its dates and node ids only, so it ran none.
      expect(fresh.finishing.reused).toEqual([]);
      const finishing = job?.finishing as { reused: string[] } | undefined;
      const steps = ["finish", "preflight-pdf", "conformance"];
      expect(finishing?.reused).toEqual(id === REDRAWN ? steps : [...steps, "cover"]);
      // The cover kept is the fresh build's drawing, byte for byte. One drawn again is the same
      // picture: Chromium's PNG of it is not always the same bytes under load (its pixels can
      // differ in a few anti-aliased edges), so it is compared pixel by pixel.
      const cover = readFileSync(job?.cover ?? "");
      const freshCover = readFileSync(built(id, language).pdf.replace(/\.pdf$/, "-cover.png"));
      if (id === REDRAWN) expect(differingPixels(cover, freshCover)).toBeLessThan(0.005);
      else expect(cover.equals(freshCover)).toBe(true);
      const report = JSON.parse(readFileSync(job?.report ?? "", "utf8"));
      expect(report.preflight).toEqual(fresh.preflight);
      expect(report.conformance).toEqual(fresh.conformance);
    },
  );
});

describe("the key of a raw print", () => {
  const print = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));
  const raw = "<</ID (node00000271)/K [<</ID (node00000280)>>]>> /CreationDate (D:20261202163042+00'00') (node00000271)";

  it("leaves out what varies between two prints of one page: the dates, the node ids' numbers", () => {
    const later = raw.replace(/271/g, "513").replace("280", "522").replace("163042", "170001");
    expect(printKey(print(later))).toBe(printKey(print(raw)));
  });

  it("keeps everything else, the order in which node ids appear included", () => {
    expect(printKey(print(raw.replace("/K", "/Kids")))).not.toBe(printKey(print(raw)));
    expect(printKey(print(raw.replace("(node00000271)/K", "(node00000280)/K")))).not.toBe(printKey(print(raw)));
  });
});
