// A template, or a file the templates need (labels, typography, hyphenation),
// that is missing, unreadable or wrong: a TemplateError naming the file and
// the place in it (exit 4), never an internal error.

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

/**
 * A file the templates need (a template, labels, typography, hyphenation)
 * that is missing or unreadable: a TemplateError naming it (exit 4), not an
 * internal error.
 */
export function templateFileError(file: string, err: unknown, what = "file"): TemplateError {
  const code = (err as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "a folder"
        : code === "EACCES"
          ? "a file it may not read"
          : ((err as Error).message ?? String(err)).split("\n")[0];
  const line = (err as { linePos?: { line: number; col: number }[] }).linePos?.[0];
  return new TemplateError(
    file,
    line?.line ?? 1,
    line?.col ?? 1,
    `expected a readable ${what}, got ${reason}: restore it (git checkout -- <file>) or fix it`,
  );
}
