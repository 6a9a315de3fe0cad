// The HTTP side of the preview: a fixed allow-list of routes, nothing resolved
// from the request path, and headers that keep the page to its own scripts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { crossSiteReason } from "./cross-site.js";
import type { EventStreams } from "./event-stream.js";
import { isAllowedHost, parseRequestTarget } from "./request-path.js";
import { StaticReader, staticRoutes } from "./static-files.js";
import { parseTarget, type Target, targetKey } from "./targets.js";

export interface EditionEntry {
  id: string;
  languages: string[];
}

export interface ServerHandlers {
  streams: EventStreams;
  /** Host headers accepted (host:port forms of the address listened on). */
  allowedHosts(): ReadonlySet<string>;
  listEditions(): Promise<EditionEntry[]>;
  /** The current PDF of a target, if one was rendered. */
  pdf(target: Target): Uint8Array | undefined;
  /** A tab starts following a target: send it the state, render if needed. */
  follow(target: Target, res: ServerResponse): void;
  /** Where a printed line's text comes from (`text`), or the text of a manifest line to find on the pages (`line`). */
  source(target: Target, ask: { text?: string; line?: number }): Promise<unknown>;
  onError(err: unknown): void;
}

// pdf.js renders into canvases and runs in a worker from this origin: nothing
// inline, nothing from elsewhere, no eval, no WebAssembly.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(`${status} ${reason}\n`);
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  type: string,
  body: Buffer | Uint8Array | string,
  extra: Record<string, string> = {},
): void {
  const data = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(200, { "Content-Type": type, "Content-Length": String(data.byteLength), "Cache-Control": "no-store", ...extra });
  res.end(req.method === "HEAD" ? undefined : data);
}

const PDF_ROUTE = /^\/pdf\/([0-9-]+)\/([a-z]+)\.pdf$/;

export function createPreviewServer(handlers: ServerHandlers): Server {
  const routes = staticRoutes();
  const reader = new StaticReader();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!isAllowedHost(req.headers.host, handlers.allowedHosts())) return refuse(res, 403, "unknown Host header");
    if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, 405, "only GET and HEAD");
    const request = parseRequestTarget(req.url);
    if (!request.ok) return refuse(res, 400, request.reason);
    const { pathname, query } = request;

    const file = routes.get(pathname);
    if (file) return send(req, res, file.type, await reader.read(file));

    // Everything below renders or hands out an edition: the preview's own pages only.
    const foreign = crossSiteReason(req, handlers.allowedHosts());
    if (foreign) return refuse(res, 403, `${foreign}: the preview answers its own pages only`);

    if (pathname === "/api/editions")
      return send(req, res, "application/json; charset=utf-8", JSON.stringify(await handlers.listEditions()));

    if (pathname === "/api/source") {
      const target = parseTarget(query.get("edition"), query.get("lang"));
      const text = query.get("text") ?? undefined;
      const line = Number.parseInt(query.get("line") ?? "", 10);
      if (!target || (!text && !(line > 0)) || (text && text.length > 2000))
        return refuse(res, 400, "expected edition=YYYY-MM, lang=fr|en and text=… (a printed line) or line=N (of the manifest)");
      const found = await handlers.source(target, text ? { text } : { line });
      return send(req, res, "application/json; charset=utf-8", JSON.stringify(found ?? null));
    }

    if (pathname === "/events") {
      if (req.method !== "GET") return refuse(res, 405, "an event stream is read with GET");
      const wanted = query.has("edition") || query.has("lang");
      const target = parseTarget(query.get("edition"), query.get("lang"), query.get("profile"));
      if (wanted && !target) return refuse(res, 400, "expected edition=YYYY-MM, lang=fr|en and, if any, profile=print|digital");
      handlers.streams.open(res, target && targetKey(target));
      if (target) handlers.follow(target, res);
      return;
    }

    const pdfMatch = PDF_ROUTE.exec(pathname);
    const target = pdfMatch ? parseTarget(pdfMatch[1], pdfMatch[2], query.get("profile")) : undefined;
    if (target) {
      const pdf = handlers.pdf(target);
      if (!pdf) return refuse(res, 404, "not rendered yet");
      const name = `${target.id}-${target.language}${target.profile ? "-print" : ""}.pdf`;
      return send(req, res, "application/pdf", pdf, { "Content-Disposition": `inline; filename="${name}"` });
    }
    return refuse(res, 404, "not a preview route");
  }

  return createServer((req, res) => {
    handle(req, res).catch((err) => {
      handlers.onError(err);
      if (!res.headersSent) refuse(res, 500, "internal error (see the preview's terminal)");
      else res.end();
    });
  });
}
