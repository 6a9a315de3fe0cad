// The preview's parts that need no browser: the request gate, the coalescer,
// the page geometry read from the stylesheet and the error payload.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ManifestError } from "../../src/manifest/problem.js";
import { projectPaths } from "../../src/paths.js";
import { Coalescer } from "../../src/preview/coalescer.js";
import { pageGeometry, parseMargins } from "../../src/preview/page-geometry.js";
import { describeFailure } from "../../src/preview/problem-report.js";
import { isAllowedHost, parseRequestTarget } from "../../src/preview/request-path.js";
import { parseTarget } from "../../src/preview/targets.js";

describe("the request gate", () => {
  it.each([
    "/../package.json",
    "/%2e%2e/package.json",
    "/%2E%2E/package.json",
    "/%2e%2e%2fpackage.json",
    "/..%2Fpackage.json",
    "/%252e%252e/package.json",
    "/client/..%5c..%5cpackage.json",
    "/client/..\\..\\package.json",
    "/client/%00",
    "/client/\0",
    "/vendor/../../package.json",
    "/./package.json",
    "//etc/passwd",
    "/events?edition=..%2f..&lang=en",
    "http://127.0.0.1/package.json",
    "",
  ])("refuses %j", (raw) => {
    expect(parseRequestTarget(raw).ok).toBe(false);
  });

  it.each(["/", "/client/app.js", "/vendor/pdf.min.mjs", "/pdf/2026-04/en.pdf?v=3", "/events?edition=2026-04&lang=en", "/api/editions"])(
    "lets %j through to routing",
    (raw) => {
      expect(parseRequestTarget(raw).ok).toBe(true);
    },
  );

  it("checks edition ids and languages from the query", () => {
    expect(parseTarget("2026-04", "en")).toEqual({ id: "2026-04", language: "en" });
    expect(parseTarget("2026-13", "en")).toBeUndefined();
    expect(parseTarget("2026-04", "de")).toBeUndefined();
    expect(parseTarget("../x", "en")).toBeUndefined();
  });

  it("accepts only the Host names the server answers to", () => {
    const hosts = new Set(["127.0.0.1:4317", "localhost:4317"]);
    expect(isAllowedHost("127.0.0.1:4317", hosts)).toBe(true);
    expect(isAllowedHost("LOCALHOST:4317", hosts)).toBe(true);
    expect(isAllowedHost("attacker.example:4317", hosts)).toBe(false);
    expect(isAllowedHost(undefined, hosts)).toBe(false);
  });
});

describe("the coalescer", () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("gathers a burst of saves into one run", async () => {
    const runs: string[][] = [];
    const c = new Coalescer<string>(async (keys) => {
      runs.push(keys);
    }, 20);
    for (let i = 0; i < 5; i++) c.request(["a"]);
    c.request(["b"]);
    await tick(5);
    expect(runs).toEqual([]);
    await c.idle();
    expect(runs).toEqual([["a", "b"]]);
  });

  it("runs exactly once more after a run that saves arrived during", async () => {
    const runs: string[][] = [];
    let release = () => {};
    const c = new Coalescer<string>(async (keys) => {
      runs.push(keys);
      if (runs.length === 1) await new Promise<void>((r) => (release = r));
    }, 5);
    c.request(["a"], { immediate: true });
    await tick(1);
    // Three saves while the first render runs: none starts a render of its own.
    c.request(["a"]);
    await tick(15);
    c.request(["b"]);
    await tick(15);
    c.request(["a"]);
    await tick(15);
    expect(runs).toHaveLength(1);
    release();
    await c.idle();
    expect(runs).toEqual([["a"], ["a", "b"]]);
  });

  it("starts nothing once closed", async () => {
    let runs = 0;
    const c = new Coalescer<string>(async () => {
      runs++;
    }, 5);
    await c.close();
    c.request(["a"], { immediate: true });
    await tick(20);
    expect(runs).toBe(0);
  });
});

describe("the page geometry", () => {
  it("reads the @page margins and margin boxes of the edition stylesheet", () => {
    const css = readFileSync(path.join(projectPaths.assets, "styles", "edition.css"), "utf8");
    const g = pageGeometry(css);
    expect(g.margins).toEqual({ top: 22, right: 18, bottom: 20, left: 18 });
    expect(g.marginBoxes.sort()).toEqual(["bottom-right", "top-left", "top-right"]);
    expect(g.named.cover).toEqual({ margins: { top: 0, right: 0, bottom: 0, left: 0 }, marginBoxes: [] });
  });

  it("follows the margin shorthand and its units", () => {
    expect(parseMargins("10mm")).toEqual({ top: 10, right: 10, bottom: 10, left: 10 });
    expect(parseMargins("1cm 2cm")).toEqual({ top: 10, right: 20, bottom: 10, left: 20 });
    expect(parseMargins("72pt 0 1in")?.bottom).toBeCloseTo(25.4);
    expect(parseMargins("auto")).toBeUndefined();
  });
});

describe("the error payload", () => {
  it("locates a manifest problem relative to the project, with its code frame", async () => {
    const file = path.join(projectPaths.editions, "2026-04", "en.yaml");
    const line = readFileSync(file, "utf8").split("\n").indexOf("    id: editorial") + 1;
    const failure = await describeFailure(
      new ManifestError([{ file, line, column: 9, path: "sections[1].id", message: "expected X, got Y" }]),
      projectPaths.root,
    );
    expect(failure.kind).toBe("manifest");
    const [p] = failure.problems;
    expect(p).toMatchObject({ file: "editions/2026-04/en.yaml", line, column: 9, path: "sections[1].id", message: "expected X, got Y" });
    expect(p.frame).toContain(`> ${line} |     id: editorial`);
  });

  it("keeps the causes of a render failure", async () => {
    const err = new Error("print failed", { cause: new Error("Target closed") });
    expect((await describeFailure(err, projectPaths.root)).problems[0].message).toBe("print failed ← Target closed");
  });
});
