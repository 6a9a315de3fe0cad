// Watches templates/, assets/ and editions/ for saves. Node 20's fs.watch with
// `recursive` works on Linux (it walks the tree itself and follows new folders),
// so no watcher dependency is needed. Events are raw and repeated; the
// coalescer downstream turns them into renders.
import { type FSWatcher, watch } from "node:fs";
import path from "node:path";
import type { ProjectPaths } from "../paths.js";

export type Area = "templates" | "assets" | "editions";

export interface ProjectChange {
  area: Area;
  /** Path inside the area, forward slashes. */
  file: string;
  /** For editions/<YYYY-MM>/...: the edition it belongs to. */
  edition?: string;
}

// Editor droppings: Vim's swap and its 4913 write test, Emacs' locks and backups.
const NOISE = /(^|\/)(\.#[^/]*|#[^/]*#|[^/]*~|[^/]*\.sw[a-p]|4913|\.DS_Store)$/;

export function watchProject(
  paths: ProjectPaths,
  onChange: (change: ProjectChange) => void,
  onError: (err: Error) => void,
): { close(): void } {
  const watchers: FSWatcher[] = [];
  for (const area of ["templates", "assets", "editions"] as const) {
    const watcher = watch(paths[area], { recursive: true }, (_event, name) => {
      const file = (name ?? "").split(path.sep).join("/");
      if (NOISE.test(file)) return;
      const edition = area === "editions" ? /^(\d{4}-\d{2})(\/|$)/.exec(file)?.[1] : undefined;
      onChange({ area, file, edition });
    });
    watcher.on("error", onError);
    watchers.push(watcher);
  }
  return {
    close: () => {
      for (const w of watchers) w.close();
    },
  };
}
