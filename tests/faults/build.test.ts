// Build faults: a failed job stops --all at once (no browser relaunched, no
// file written after the error), and a job's files are committed all or none.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { expectNothingLeft, filesUnder, scratch } from "../support/fault-kit.js";
import { runCli } from "../support/run-cli.js";

let s: ReturnType<typeof scratch>;
afterEach(() => s?.done());

describe("build faults", () => {
  it("--all with one output folder blocked ends at once with exit 5, no browser left, nothing written after", async () => {
    s = scratch();
    mkdirSync(s.out);
    writeFileSync(path.join(s.out, "2025-12"), "a plain file where the folder goes");
    const r = await runCli("build-edition", ["--all", "--out-dir", s.out], { env: { TMPDIR: s.tmp }, limitMs: 60_000 });
    console.log(`--all with a blocked output folder: exit ${r.code} in ${r.ms} ms`);
    expect(r.timedOut).toBe(false);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`could not write ${path.join(s.out, "2025-12")}`);
    expect(r.stderr).toContain("Check that the folder is writable");
    expect(r.stdout).not.toContain(" -> ");
    expect(filesUnder(s.out).filter((f) => f.endsWith(".pdf"))).toEqual([]);
    expect(r.ms).toBeLessThan(20_000);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("a job's files are committed all or none: a PDF that cannot be renamed keeps the old HTML", async () => {
    s = scratch();
    const dir = path.join(s.out, "2026-03");
    mkdirSync(path.join(dir, "2026-03-en.pdf", "in-the-way"), { recursive: true });
    writeFileSync(path.join(dir, "2026-03-en.html"), "the previous HTML");
    const r = await runCli("build-edition", ["2026-03", "--out-dir", s.out], { env: { TMPDIR: s.tmp } });
    console.log(`a PDF that cannot be renamed into place: exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain(`could not write ${path.join(dir, "2026-03-en.pdf")}`);
    expect(readFileSync(path.join(dir, "2026-03-en.html"), "utf8")).toBe("the previous HTML");
    expect(filesUnder(s.out)).toEqual(["2026-03/2026-03-en.html"]);
    await expectNothingLeft(s.tmp, s.out);
  });

  it("an output folder that cannot be created (here under /sys) is exit 5, not an internal error", async () => {
    s = scratch();
    const r = await runCli("build-edition", ["2026-03", "--html-only", "--out-dir", "/sys/observatory-out"], { env: { TMPDIR: s.tmp } });
    console.log(`an output folder that cannot be created: exit ${r.code} in ${r.ms} ms`);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^could not write \/sys\/observatory-out\/2026-03 \(E[A-Z]+\)/m);
    expect(r.stderr).not.toContain("internal error");
  });
});
