// A throwaway copy of the project for tests that edit templates or manifests:
// the real tree is never touched. node_modules is linked, not copied.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ProjectPaths, pathsFor, projectRoot } from "../../src/paths.js";

export interface ProjectCopy {
  paths: ProjectPaths;
  remove(): void;
}

/** `withCode`: src/ and the compiled command too, so the copy's own commands can be run (tests/support/run-cli.ts, `root`). */
export function copyProject(options: { withCode?: boolean } = {}): ProjectCopy {
  const root = mkdtempSync(path.join(os.tmpdir(), "observatory-"));
  const dirs = ["editions", "templates", "assets", ...(options.withCode ? ["src", "scripts", "bin", "dist"] : [])];
  for (const dir of dirs) cpSync(path.join(projectRoot, dir), path.join(root, dir), { recursive: true });
  // With its lock: set-up in the copy then sees node_modules as installed and installs nothing;
  // with its npm settings: npx and npm run start the command as in the project (.npmrc).
  for (const file of ["package.json", "package-lock.json", ".npmrc"]) cpSync(path.join(projectRoot, file), path.join(root, file));
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(root, "node_modules"), "dir");
  return { paths: pathsFor(root), remove: () => rmSync(root, { recursive: true, force: true }) };
}
