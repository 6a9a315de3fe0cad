// Watches templates/, assets/ and editions/ for saves, with chokidar: Node's
// recursive fs.watch loses a file once an editor saves it by writing a
// temporary file and renaming it over the original (JetBrains "safe write",
// GNOME and KDE editors), and later saves then go unseen. Events are raw and
// repeated; the coalescer downstream turns them into renders.
import path from "node:path";
import { watch } from "chokidar";
import { EDITION_ID } from "../manifest/primitives.js";
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
const AREAS = ["templates", "assets", "editions"] as const;

export function watchProject(
  paths: ProjectPaths,
  onChange: (change: ProjectChange) => void,
  onError: (err: Error) => void,
): { close(): Promise<void>; ready: Promise<void> } {
  const areaOf = (file: string) => AREAS.find((a) => file === paths[a] || file.startsWith(paths[a] + path.sep));
  const watcher = watch(
    AREAS.map((a) => paths[a]),
    {
      ignoreInitial: true,
      // A file renamed over within 100 ms of its removal is one change, not a removal.
      atomic: true,
      ignored: (file) => NOISE.test(file.split(path.sep).join("/")),
    },
  );
  watcher.on("all", (_event, file) => {
    const area = areaOf(file);
    if (!area) return;
    const rel = path.relative(paths[area], file).split(path.sep).join("/");
    const first = rel.split("/")[0];
    const edition = area === "editions" && EDITION_ID.test(first) ? first : undefined;
    onChange({ area, file: rel, edition });
  });
  watcher.on("error", (err) => onError(err as Error));
  const ready = new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return { close: () => watcher.close(), ready };
}
