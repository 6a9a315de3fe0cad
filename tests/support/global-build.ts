// vitest globalSetup: one build of every edition, shared by the read-back
// tests. A private folder per run, so parallel runs never share files.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { build } from "../../src/pipeline/build-edition.js";

declare module "vitest" {
  export interface ProvidedContext {
    builtDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "observatory-built-"));
  await build({ all: true, outputDir: dir });
  project.provide("builtDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
