// `npm run schema`: writes editions/edition.schema.json from the zod schema.
// Manifests point at it with `# yaml-language-server: $schema=../edition.schema.json`.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { editionJsonSchema, SCHEMA_FILE_NAME } from "../src/manifest/json-schema.js";
import { projectPaths } from "../src/paths.js";

const target = path.join(projectPaths.editions, SCHEMA_FILE_NAME);
await writeFile(target, editionJsonSchema());
process.stdout.write(`${path.relative(process.cwd(), target)} written\n`);
