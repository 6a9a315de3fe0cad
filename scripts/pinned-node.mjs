// The Node.js the project runs on is the one package-lock.json pins: the npm
// `node` package, installed in node_modules/ whatever Node the machine has, so
// a PDF's bytes depend on one recorded runtime. `npm run` puts
// node_modules/.bin first on the PATH, so every script's `node` is that one;
// only a process started otherwise (set-up on a fresh clone, which installs it,
// or bin/observatory.js run by the system's node) runs on another and hands
// over to the pinned one here. Plain JS, no dependencies: set-up runs it first.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The binary of the pinned Node.js and its version, or undefined when it is not installed. */
export function pinnedNode() {
  const dir = path.join(root, "node_modules", "node");
  const binary = path.join(dir, "bin", process.platform === "win32" ? "node.exe" : "node");
  try {
    const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    return existsSync(binary) ? { binary, version } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether this process runs on the pinned Node.js (true when none is installed: nothing to hand over to). */
export function onPinnedNode() {
  const pinned = pinnedNode();
  return !pinned || pinned.version === process.versions.node;
}

/**
 * Runs `script args` on the pinned Node.js and ends this process as it ends.
 * Signals sent to this process are passed on (one Ctrl-C from a terminal then
 * reaches the child twice, which the command counts as one: signals.ts).
 */
export function handOver(script, args) {
  const pinned = pinnedNode();
  // The command sees through this relay when it watches its parent (src/pipeline/parent-watch.ts).
  const env = { ...process.env, OBSERVATORY_RELAY_PID: String(process.pid) };
  const child = spawn(pinned.binary, [...process.execArgv, script, ...args], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"])
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  child.on("error", (err) => {
    process.stderr.write(`observatory: could not start Node.js ${pinned.version} (${pinned.binary}): ${err.message}\n`);
    process.exit(70);
  });
  child.on("exit", (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    process.exit(code ?? 1);
  });
}

/**
 * Node's compile cache (Node 22.1+) keeps the compiled code of dist/ between
 * runs: the imports of a build take about 0.7 as long. Kept in dist/, which is
 * rebuilt when the sources change, never in $TMPDIR, which runs leave empty.
 */
export function enableCompileCache() {
  if (typeof module.enableCompileCache !== "function" || process.env.NODE_DISABLE_COMPILE_CACHE) return;
  try {
    module.enableCompileCache(path.join(root, "dist", ".compile-cache"));
  } catch {
    // A cache that cannot be written only makes the start slower.
  }
}
