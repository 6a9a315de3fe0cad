// The publisher's licence for the data of every edition, from
// templates/data/package.yaml: printed in the back cover's colophon and
// written into the open data's datapackage.json (src/data/), one source for both.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { z } from "zod";

const License = z.strictObject({ name: z.string(), path: z.string().optional(), title: z.string().optional() });
export type License = z.infer<typeof License>;
const PackageTerms = z.strictObject({ licenses: z.array(License).min(1) });

export function loadLicenses(templatesDir: string): License[] {
  return PackageTerms.parse(parse(readFileSync(path.join(templatesDir, "data", "package.yaml"), "utf8"))).licenses;
}
