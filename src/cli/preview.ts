// `observatory preview [YYYY-MM] [--lang fr|en] [--port N] [--host H]`: argument
// parsing and terminal lines only; the server is startPreview() in src/preview,
// imported once the arguments are good (--help loads no browser driver).
import { BrowserNotFoundError } from "../browser/find-chromium.js";
import { EditionNotFoundError } from "../manifest/discover.js";
import { LANGUAGES, type Language } from "../manifest/primitives.js";
import { onCleanup } from "../pipeline/cleanup.js";
import { out, parseCli } from "./cli-kit.js";
import { CliError, type ExitReason } from "./exit-codes.js";

export const HELP = `Usage: observatory preview [YYYY-MM] [options]
       npm run preview -- [YYYY-MM] [options]

Serves a live preview of the editions: the real PDF pages as build:edition
prints them, redrawn on every save under templates/, assets/ or editions/.

  YYYY-MM              edition to open first (default: the latest one)
  --lang fr|en         its language (default: its first manifest)
  --port N             port to listen on (default 4317; 0 picks a free one)
  --host H             address to listen on (default 127.0.0.1, this machine only)
  --color, --no-color  colour the output or not (default: on a terminal)
  --debug              show the stack trace of an unexpected error
  -h, --help           show this help

In the page: G switches grid and page view, O shows the page outlines, ← → turn pages.
Stop with Ctrl-C.
`;

function parse(argv: string[]) {
  return parseCli(argv, {
    lang: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
  });
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

  const { startPreview } = await import("../preview/start-preview.js");
  let preview: Awaited<ReturnType<typeof startPreview>>;
  try {
    preview = await startPreview({
      edition: positionals[0],
      language: values.lang as Language | undefined,
      port,
      host: values.host,
      reporter: {
        rendered: (key, pages, ms) => out(`  ${key}  ${pages} pages in ${(ms / 1000).toFixed(1)} s`),
        failed: (key, lines) => out(lines.map((l) => `  ${key}  ✗ ${l}`).join("\n")),
        error: (err) => process.stderr.write(`preview: ${(err as Error)?.message ?? err}\n`),
      },
    });
  } catch (err) {
    if (err instanceof EditionNotFoundError) throw new CliError(err.message, "usage");
    if (err instanceof BrowserNotFoundError) throw new CliError(err.message, "noBrowser");
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
