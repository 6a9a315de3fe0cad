// How many times a build prints, read from the build report: a fresh build of
// each of the three editions prints 3 times (two typesetting passes, and the
// third print confirms them and already shows the contents numbers of the
// second), a rebuild of the same inputs once; and the rebuild's PDF is the
// fresh build's, byte for byte. The fresh builds are the test run's shared
// build (tests/support/global-build.ts); the rebuild runs over a copy of them.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";
import { build } from "../../src/pipeline/build-edition.js";
import type { JobResult } from "../../src/pipeline/build-types.js";
import { built, EDITIONS } from "../support/built-editions.js";

const printStages = (timings: Record<string, number>) =>
  Object.keys(timings).filter((s) => /^(print|reprint-\d+|print-contents|print-again)$/.test(s));

describe("prints per build", () => {
  let dir: string;
  let session: BrowserSession;
  let rebuilt: JobResult[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "observatory-rebuild-"));
    cpSync(inject("builtDir"), dir, { recursive: true });
    session = new BrowserSession();
    rebuilt = (await build({ all: true, outputDir: dir, session })).jobs;
  });
  afterAll(async () => {
    await session.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(EDITIONS)("a fresh build of $id prints 3 times, and its report says so", ({ id, language }) => {
    const report = built(id, language).report as unknown as { prints: number; timingsMs: Record<string, number> };
    expect(report.prints).toBe(3);
    // The count agrees with the print stages timed, and none is a probe or contents print of its own.
    expect(printStages(report.timingsMs)).toEqual(["print", "reprint-1", "reprint-2"]);
  });

  it.each(EDITIONS)("a rebuild of $id prints once, to the fresh build's bytes", ({ id, language }) => {
    const job = rebuilt.find((j) => j.id === id && j.language === language);
    const fresh = built(id, language);
    expect(job?.prints).toBe(1);
    expect(printStages(job?.timings ?? {})).toEqual(["print"]);
    expect(job?.sha256).toBe(fresh.report.sha256);
    expect(readFileSync(job?.pdf ?? "").equals(readFileSync(fresh.pdf))).toBe(true);
    // And the report it writes records it.
    expect(JSON.parse(readFileSync(job?.report ?? "", "utf8")).prints).toBe(1);
  });
});
