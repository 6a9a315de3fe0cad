// A file we could not write (read-only or full disk, a folder where a file
// should be, no permission): the user's to fix, so it has its own exit code.

export class OutputError extends Error {
  override name = "OutputError";
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException)?.code;
    super(
      `could not write ${file}${code ? ` (${code})` : ""}: ${(cause as Error)?.message ?? cause}. ` +
        "Check that the folder is writable, has room, and that nothing else (a folder, a file) stands in its place.",
      { cause },
    );
  }
}

/** Run a file operation; its error becomes an OutputError about `file`. */
export async function writing<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw err instanceof OutputError ? err : new OutputError(file, err);
  }
}
