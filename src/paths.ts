// Where things live, relative to the project root (found from this file, not the cwd).
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface ProjectPaths {
  root: string;
  editions: string;
  templates: string;
  assets: string;
  output: string;
}

export function pathsFor(root: string): ProjectPaths {
  return {
    root,
    editions: path.join(root, "editions"),
    templates: path.join(root, "templates"),
    assets: path.join(root, "assets"),
    output: path.join(root, "output"),
  };
}

export const projectPaths = pathsFor(projectRoot);
