// What the fault tests check after a command ended: no process it started is
// still running, nothing is left in its TMPDIR or beside its outputs.
import { chmodSync, type Dirent, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { processesMentioning } from "./run-cli.js";

/** A scratch folder for one test: `tmp` is the command's TMPDIR, `out` its output folder. */
export function scratch(prefix = "fault-") {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const tmp = path.join(dir, "tmp");
  mkdirSync(tmp);
  return { dir, tmp, out: path.join(dir, "out"), done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A shell script standing in for a browser. */
export function fakeBrowser(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** Every file under `dir` (relative paths), dot-files included. */
export function filesUnder(dir: string): string[] {
  try {
    return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((e) => !e.isDirectory())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

/**
 * Nothing left behind: no process mentioning the run's TMPDIR, nothing in it
 * but the compile caches of tsx and of npm itself (npm 11 on Node 22+ turns on
 * Node's compile cache, kept in $TMPDIR/node-compile-cache; the command keeps
 * its own in dist/).
 */
export async function expectNothingLeft(tmp: string, outDir?: string): Promise<void> {
  // Chromium's last helpers may need a moment to be reaped after the kill.
  for (let i = 0; i < 20 && processesMentioning(tmp).length; i++) await new Promise((r) => setTimeout(r, 100));
  expect(processesMentioning(tmp)).toEqual([]);
  expect(readdirSync(tmp).filter((n) => !n.startsWith("tsx-") && n !== "node-compile-cache")).toEqual([]);
  if (outDir) expect(filesUnder(outDir).filter((f) => /(^|\/)\.[^/]*\.(tmp|old)-/.test(f))).toEqual([]);
}
