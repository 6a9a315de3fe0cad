// editions/edition.schema.json is what editors' YAML extensions read; it must
// say what the zod schema says. Regenerated in memory and compared with the file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editionJsonSchema, SCHEMA_FILE_NAME } from "../../src/manifest/json-schema.js";
import { projectPaths } from "../../src/paths.js";

const committed = path.join(projectPaths.editions, SCHEMA_FILE_NAME);

describe("edition JSON Schema", () => {
  it("is up to date with the zod schema", async () => {
    const onDisk = await readFile(committed, "utf8").catch(() => "(missing)");
    const stale = onDisk !== editionJsonSchema();
    expect(stale, `${path.relative(process.cwd(), committed)} is stale: run \`npm run schema\` and commit it`).toBe(false);
  });

  it("keeps the descriptions and the section types editors complete from", () => {
    const schema = JSON.parse(editionJsonSchema());
    expect(schema.properties.edition.properties.id.description).toMatch(/YYYY-MM/);
    const types = schema.properties.sections.items.oneOf.map((s: { properties: { type: { const: string } } }) => s.properties.type.const);
    expect(types).toContain("providers");
    expect(types).toContain("back-cover");
    expect(editionJsonSchema()).toBe(editionJsonSchema()); // stable from one run to the next
  });
});

type Node = Record<string, unknown>;

/** Every entry under "properties" anywhere in the schema, with where it is. */
function properties(node: unknown, where = ""): [string, Node][] {
  if (Array.isArray(node)) return node.flatMap((n, i) => properties(n, `${where}[${i}]`));
  if (node === null || typeof node !== "object") return [];
  const n = node as Node;
  const own = Object.entries((n.properties ?? {}) as Record<string, Node>).map(([k, v]): [string, Node] => [`${where}.${k}`, v]);
  const nested = Object.entries(n).flatMap(([k, v]) =>
    k === "defaultSnippets" ? [] : properties(v, k === "properties" ? where : `${where}/${k}`),
  );
  return [...own, ...nested];
}

describe("edition JSON Schema, for editors", () => {
  const schema = JSON.parse(editionJsonSchema());
  const variants: Node[] = schema.properties.sections.items.oneOf;

  it("describes every property, the section types among them", () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(180);
    expect(all.filter(([, v]) => !v.description).map(([k]) => k)).toEqual([]);
  });

  it("titles each section type, so completion lists them by name, with a snippet whose tab stops are its own", () => {
    for (const v of variants) {
      const type = ((v.properties as Record<string, Node>).type as Node).const as string;
      expect(v.title).toBe(`${type} section`);
      expect(v.description).toMatch(/\w/);
      const [snippet] = v.defaultSnippets as { label: string; body: Node }[];
      expect(snippet.label).toBe(type);
      expect(snippet.body.type).toBe(type);
      const stops = [...JSON.stringify(snippet.body).matchAll(/\$\{(\d+):/g)].map((m) => Number(m[1]));
      expect(stops).toEqual(stops.map((_, i) => i + 1)); // 1, 2, 3 … in reading order, none shared
    }
    expect(new Set(variants.map((v) => v.title)).size).toBe(variants.length);
  });

  it("underlines the dates zod refuses: its patterns accept exactly the real days", async () => {
    const { IsoDate, PartialDate } = await import("../../src/manifest/primitives.js");
    const day: string = schema.properties.edition.properties.date.pattern;
    const partial = (properties(schema).find(([k, v]) => k.endsWith("/items.date") && v.pattern) as [string, Node])[1].pattern as string;
    const candidates: string[] = [];
    for (const year of [1900, 2000, 2024, 2025, 2026])
      for (let m = 0; m <= 13; m++) {
        const month = String(m).padStart(2, "0");
        candidates.push(`${year}-${month}`);
        for (let d = 0; d <= 32; d++) candidates.push(`${year}-${month}-${String(d).padStart(2, "0")}`);
      }
    for (const c of candidates) {
      expect([c, new RegExp(day).test(c)]).toEqual([c, IsoDate.safeParse(c).success]);
      expect([c, new RegExp(partial).test(c)]).toEqual([c, PartialDate.safeParse(c).success]);
    }
    expect(new RegExp(day).test("2026-02-30")).toBe(false);
    // What the editor says instead of showing the regular expression.
    expect(schema.properties.edition.properties.date.patternErrorMessage).toBe("Expected a real calendar date written YYYY-MM-DD");
    const patterns = properties(schema).filter(([, v]) => typeof v.pattern === "string");
    expect(patterns.filter(([, v]) => !v.patternErrorMessage).map(([k]) => k)).toEqual([]);
  });
});
