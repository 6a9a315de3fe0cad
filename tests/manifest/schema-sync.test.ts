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
