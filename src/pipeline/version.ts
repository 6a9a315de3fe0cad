import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../paths.js";

const pkg = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { name: string; version: string };

export const toolName = pkg.name;
export const toolVersion = pkg.version;

export function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(projectRoot, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
