import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { onCleanup } from "../runtime/cleanup.js";
import { out, parseCli } from "./cli-kit.js";
import { helpText } from "./command-spec.js";
import { preview } from "./command-specs.js";
import { CliError, type ExitReason } from "./exit-codes.js";

export const HELP = helpText("preview", preview);

function parse(argv: string[]) {
  return parseCli(argv, preview.options);
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

export async function main(argv: string[]): Promise<ExitReason> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    process.stdout.write(HELP);
    return "ok";
  }
  if (positionals.length > 1) throw new CliError(`expected at most one edition id, got ${positionals.join(" ")}`, "usage");
  if (values.lang && !LANGUAGES.includes(values.lang as Language))
    throw new CliError(`--lang: expected ${LANGUAGES.join(" or ")}, got "${values.lang}"`, "usage");
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536))
    throw new CliError(`--port: expected a port number from 0 to 65535, got "${values.port}"`, "usage");

  if (values.profile && values.profile !== "print" && values.profile !== "digital")
    throw new CliError(`--profile: expected digital or print, got "${values.profile}"`, "usage");

  const { startPreview } = await import("../preview/start-preview.js");
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({
      edition: positionals[0],
      language: values.lang as Language | undefined,
      ...(values.profile === "print" && { profile: "print" as const }),
      port,
      host: values.host,
      reporter: {
        rendered: (key, pages, ms) => out(`  ${key}  ${pages} pages in ${(ms / 1000).toFixed(1)} s`),
        failed: (key, lines) => out(lines.map((l) => `  ${key}  ✗ ${l}`).join("\n")),
        error: (err) => process.stderr.write(`preview: ${(err as Error)?.message ?? err}\n`),
      },
    });
  } catch (err) {
    if (/already in use/.test((err as Error).message)) throw new CliError((err as Error).message, "usage");
    throw err;
  }
  out(`Preview at ${preview.editionUrl}`);
  out(`Index of editions: ${preview.url}`);
  if (values.host && !LOOPBACK.has(values.host)) out(`Listening on ${values.host}: other machines that reach it can read the preview.`);
  out("Watching templates/, assets/ and editions/. Ctrl-C to stop.");

  // Ctrl-C, SIGTERM or a parent gone end the preview through the one signal
  // handler (src/cli/signals.ts): the server closes with the browser, then
  // exit 130 or 143. A handler of its own here raced that one: it returned
  // "ok" (exit 0) while a render was being stopped, leaving the browser's folder.
  onCleanup(
    () => {},
    () => preview.close(),
  );
  await new Promise<never>(() => {});
  return "ok";
}
