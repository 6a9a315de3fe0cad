/** One thing wrong in a manifest, located in its file. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Dotted path such as sections[3].models[0].in_progress[2].stage; empty for file-level problems. */
  path: string;
  message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Raised when a manifest cannot be used; carries every problem found. */
export class ManifestError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in ${[...new Set(problems.map((p) => p.file))].join(", ")}`);
    this.name = "ManifestError";
  }
}
