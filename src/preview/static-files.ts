// The only files the preview serves from disk: its own client (a fixed list of
// names in src/preview/client/) and the two pdf.js build files. Nothing is ever
// resolved from a request path; a name is looked up in this table or refused.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
};

export interface StaticFile {
  file: string;
  type: string;
  /** Vendor files never change while the server runs; client files are re-read so edits to them show on reload. */
  cache: boolean;
}

const CLIENT_FILES = [
  "index.html",
  "preview.css",
  "app.js",
  "viewer.js",
  "guides.js",
  "overlay.js",
  "findings.js",
  "source.js",
  "editions-index.js",
  "icon.svg",
  "zoom.js",
  "text-layer.js",
];

function entry(file: string, cache: boolean): StaticFile {
  return { file, type: TYPES[path.extname(file)] ?? "application/octet-stream", cache };
}

export function staticRoutes(): Map<string, StaticFile> {
  const routes = new Map<string, StaticFile>();
  routes.set("/", entry(path.join(here, "client", "index.html"), false));
  for (const name of CLIENT_FILES) routes.set(`/client/${name}`, entry(path.join(here, "client", name), false));
  for (const name of ["pdf.min.mjs", "pdf.worker.min.mjs"])
    routes.set(`/vendor/${name}`, entry(require.resolve(`pdfjs-dist/build/${name}`), true));
  return routes;
}

export class StaticReader {
  private readonly cached = new Map<string, Buffer>();

  async read(entry: StaticFile): Promise<Buffer> {
    const hit = this.cached.get(entry.file);
    if (hit) return hit;
    const data = await readFile(entry.file);
    if (entry.cache) this.cached.set(entry.file, data);
    return data;
  }
}
