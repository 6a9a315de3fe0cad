// The one loader of the scripts evaluated in the printed page (in-page/*.js):
// read beside this module, which in the compiled command is dist/ where
// scripts/compile.mjs links the in-page/ folder. Each file is one expression,
// evaluated as it is, never bundled (a bundler's helpers would not exist there).
import { readFileSync } from "node:fs";

const cache = new Map<string, string>();

/** The source of in-page/<name>.js, as one expression (its trailing semicolon dropped). */
export function inPageScript(name: string): string {
  let source = cache.get(name);
  if (source === undefined) {
    source = readFileSync(new URL(`./in-page/${name}.js`, import.meta.url), "utf8")
      .trim()
      .replace(/;\s*$/, "");
    cache.set(name, source);
  }
  return source;
}

/** An expression that calls the in-page helpers with `settings`, then `name` with them. */
export function withHelpers(name: string, settings: unknown): string {
  return `(() => { const h = (${inPageScript("helpers")})(${JSON.stringify(settings)}); return (${inPageScript(name)})(h); })()`;
}

/** One expression for several scripts: each called with helpers of its own (as if evaluated apart), their results by name. */
export function withHelpersEach(names: readonly string[], settings: unknown): string {
  const calls = names.map((name) => `${JSON.stringify(name)}: (${inPageScript(name)})(helpers(settings))`).join(",\n");
  return `(() => { const helpers = (${inPageScript("helpers")}); const settings = ${JSON.stringify(settings)}; return {\n${calls}\n}; })()`;
}
