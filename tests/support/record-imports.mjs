// Preloaded with `node --import` by the tests that check what a command loads:
// every module it resolves (ES modules, through a resolve hook) and every
// CommonJS module it required (require.cache at exit) is appended to the file
// named by RECORD_IMPORTS, one URL or path a line.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const log = process.env.RECORD_IMPORTS;
if (log) {
  const hooks = `
    import { appendFileSync } from "node:fs";
    export async function resolve(specifier, context, next) {
      const resolved = await next(specifier, context);
      appendFileSync(${JSON.stringify(log)}, resolved.url + "\\n");
      return resolved;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  const require = createRequire(import.meta.url);
  process.on("exit", () => appendFileSync(log, `${Object.keys(require.cache).join("\n")}\n`));
}
