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

/**
 * "name version" of an installed package as it calls itself: `pdf-lib` is an
 * npm alias of its maintained fork, which says `@cantoo/pdf-lib 2.11.1`.
 */
export function packageTitle(name: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(projectRoot, "node_modules", name, "package.json"), "utf8")) as {
      name: string;
      version: string;
    };
    return `${pkg.name} ${pkg.version}`;
  } catch {
    return `${name} unknown`;
  }
}
