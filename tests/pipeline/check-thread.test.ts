// The conformance check of a build runs in a thread of its own
// (src/pipeline/check-thread.ts): the same result as in the main thread, and
// the main thread free meanwhile, for the PDF preflight and the other jobs.
import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checkConformance } from "../../src/conformance/check-pdf.js";
import type { Standard } from "../../src/conformance/types.js";
import { checkConformanceOffThread } from "../../src/pipeline/check-thread.js";
import { built } from "../support/built-editions.js";

const BOTH: Standard[] = ["PDF/A-3", "PDF/UA-1"];

/** How many times a 5 ms timer of this thread fired while `work` ran. */
async function ticksDuring(work: () => Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return ticks;
}

describe("the check thread", () => {
  it("gives the main thread's result, for a good edition and for one that breaks a rule", async () => {
    const good = readFileSync(built("2026-04", "en").pdf);
    const doc = await PDFDocument.load(good, { updateMetadata: false });
    doc.setLanguage("");
    const bad = await doc.save({ useObjectStreams: false });
    for (const bytes of [good, bad]) expect(await checkConformanceOffThread(bytes, BOTH)).toEqual(await checkConformance(bytes, BOTH));
    expect((await checkConformanceOffThread(bad, BOTH)).findings.length).toBeGreaterThan(0);
  });

  it("leaves the main thread free while it checks", async () => {
    const bytes = readFileSync(built("2025-12", "fr").pdf);
    await checkConformanceOffThread(bytes, BOTH); // the thread started and its modules loaded
    // In this thread a timer fires only where pdf-lib's parser yields (8 times here, for
    // 94 in the same time elsewhere); in its own thread, it keeps firing throughout.
    const here = await ticksDuring(() => checkConformance(bytes, BOTH));
    const there = await ticksDuring(() => checkConformanceOffThread(bytes, BOTH));
    expect(there).toBeGreaterThan(3 * here);
  });
});
