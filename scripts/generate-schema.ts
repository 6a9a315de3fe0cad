// `npm run schema`: writes editions/edition.schema.json from the zod schema.
// Manifests point at it with `# yaml-language-server: $schema=../edition.schema.json`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { editionJsonSchema, SCHEMA_FILE_NAME } from "../src/manifest/json-schema.js";
import { projectPaths } from "../src/paths.js";
import { scriptArgs } from "./script-args.js";

scriptArgs(
  `Usage: npm run schema

Writes editions/edition.schema.json from the zod schema in src/ (descriptions,
section titles, snippets and date patterns editors' YAML extensions read).
A test fails while the committed file differs from what this would write.
  -h, --help   show this help
`,
  {},
);

const target = path.join(projectPaths.editions, SCHEMA_FILE_NAME);
await writeFile(target, editionJsonSchema());
process.stdout.write(`${path.relative(process.cwd(), target)} written\n`);
