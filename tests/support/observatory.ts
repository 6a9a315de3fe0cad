// Runs the installed command as a person would: bin/observatory.js, that is
// the JavaScript compiled into dist/, in a child process. `npm test` compiles
// it first (set-up); tests/cli/compiled.test.ts fails when it is stale.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/paths.js";

export const BIN = path.join(projectRoot, "bin", "observatory.js");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Colour off unless a test asks for it, so expected text stays plain. */
export function observatory(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Run {
  const env = options.env ?? { ...process.env, NO_COLOR: "1" };
  const r = spawnSync(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: options.cwd ?? projectRoot,
    encoding: "utf8",
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
