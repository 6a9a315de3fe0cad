// `observatory images <YYYY-MM> [--pages 1,9] [--width 1200] [--lang fr|en]`:
// argument parsing only; the drawing is src/images/page-images.ts.
import { existsSync } from "node:fs";
import path from "node:path";
import { writePageImages } from "../images/page-images.js";
import { EDITION_ID, LANGUAGES, type Language } from "../manifest/primitives.js";
import { projectPaths } from "../paths.js";
import { out, parseCli } from "./cli-kit.js";
import { helpText } from "./command-spec.js";
import { images } from "./command-specs.js";
import { CliError, type ExitReason } from "./exit-codes.js";

export const HELP = helpText("images", images);

function numbers(list: string): number[] {
  const pages = list.split(",").map((p) => p.trim());
  if (pages.some((p) => !/^[1-9][0-9]*$/.test(p))) throw new CliError(`--pages: expected page numbers like 1,9, got "${list}"`, "usage");
  return [...new Set(pages.map(Number))];
}

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parseCli(argv, images.options);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  const [id, ...rest] = positionals;
  if (!id || rest.length || !EDITION_ID.test(id))
    throw new CliError(`expected one edition id like 2026-04, got ${positionals.join(" ") || "none"}`, "usage");
  const width = Number(values.width);
  if (!Number.isInteger(width) || width < 100 || width > 4000)
    throw new CliError(`--width: expected 100 to 4000 pixels, got "${values.width}"`, "usage");
  if (values.lang && !LANGUAGES.includes(values.lang as Language))
    throw new CliError(`--lang: expected ${LANGUAGES.join(" or ")}, got "${values.lang}"`, "usage");
  const outputDir = values["out-dir"] ? path.resolve(values["out-dir"]) : projectPaths.output;
  const languages = values.lang ? [values.lang] : LANGUAGES.filter((l) => existsSync(path.join(outputDir, id, `${id}-${l}.pdf`)));
  const pages = values.pages ? numbers(values.pages) : undefined;
  for (const language of languages) {
    const pdf = path.join(outputDir, id, `${id}-${language}.pdf`);
    if (!existsSync(pdf))
      throw new CliError(`no ${path.relative(process.cwd(), pdf)}; run: npm run build:edition -- ${id} --lang ${language}`, "usage");
    const files = await writePageImages({ pdf, pages, width, outDir: path.join(outputDir, id, `${id}-${language}-images`) });
    for (const f of files) out(path.relative(process.cwd(), f));
  }
  if (!languages.length)
    throw new CliError(
      `no built PDF of ${id} in ${path.relative(process.cwd(), outputDir) || "."}; run: npm run build:edition -- ${id}`,
      "usage",
    );
  return "ok";
}
