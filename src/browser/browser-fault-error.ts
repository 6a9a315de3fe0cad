// The error of a browser that failed, alone in its module: the command's exit
// path maps it to its exit code without loading the browser driver, so that
// `observatory --help` stays as light as starting Node.
export class BrowserFaultError extends Error {
  override name = "BrowserFaultError";
}
