// Typesetting decides fixes, preflight judges; both read the print back
// through src/readback/ and never import each other. The build reads its
// prints without pdf.js (kept for tests, thumbnails and the preview's viewer).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";

const src = path.join(projectRoot, "src");
const files = (dir: string) =>
  readdirSync(path.join(src, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
/** Every module a file imports (static and dynamic), resolved to a path under src/ or left as a package name. */
const importsOf = (file: string) =>
  [...readFileSync(file, "utf8").matchAll(/(?:from|import\()\s*["']([^"']+)["']/g)].map(([, spec]) =>
    spec.startsWith(".") ? path.relative(src, path.resolve(path.dirname(file), spec)) : spec,
  );

describe("the read-back layer", () => {
  it("sits between typesetting and preflight, which never import each other", () => {
    const crossing = [
      ...files("typeset").flatMap((f) =>
        importsOf(f)
          .filter((i) => i.startsWith("preflight/"))
          .map((i) => `${f} -> ${i}`),
      ),
      ...files("preflight").flatMap((f) =>
        importsOf(f)
          .filter((i) => i.startsWith("typeset/"))
          .map((i) => `${f} -> ${i}`),
      ),
    ];
    expect(crossing).toEqual([]);
    // And the layer depends on neither.
    expect(files("readback").flatMap((f) => importsOf(f).filter((i) => /^(typeset|preflight|pipeline)\//.test(i)))).toEqual([]);
    // Both do use it (a test that could not fail otherwise).
    expect(files("typeset").some((f) => importsOf(f).some((i) => i.startsWith("readback/")))).toBe(true);
    expect(files("preflight").some((f) => importsOf(f).some((i) => i.startsWith("readback/")))).toBe(true);
  });

  it("leaves pdf.js out of every module the build imports", () => {
    const all = files(".");
    const withPdfjs = all.filter((f) => importsOf(f).some((i) => i.startsWith("pdfjs-dist")));
    expect(withPdfjs).toEqual([]);
    expect(all.some((f) => importsOf(f).includes("pdf-lib"))).toBe(true);
  });

  it("loads in-page scripts in one place", () => {
    const readers = files(".").filter(
      (f) => /in-page|page-scripts/.test(readFileSync(f, "utf8")) && /readFileSync/.test(readFileSync(f, "utf8")),
    );
    expect(readers.map((f) => path.relative(src, f))).toEqual(["readback/in-page-script.ts"]);
  });
});
