// Any web page the user has open can send requests to 127.0.0.1: the event
// stream (which makes the preview render), the API and the PDFs answer only
// requests from the preview's own pages. Browsers say where a request comes
// from in Sec-Fetch-Site (all current ones) and Origin (older ones, and any
// cross-origin fetch); a tool like curl sends neither and is let through.
import type { IncomingMessage } from "node:http";

/** Why the request is refused, or undefined when it comes from the preview itself (or from no browser). */
export function crossSiteReason(req: IncomingMessage, allowedHosts: ReadonlySet<string>): string | undefined {
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin" && site !== "none") return `a ${site} request (Sec-Fetch-Site)`;
  const origin = req.headers.origin;
  if (origin === undefined) return undefined;
  let host: string | undefined;
  try {
    const url = new URL(origin);
    host = url.protocol === "http:" ? url.host.toLowerCase() : undefined;
  } catch {}
  return host !== undefined && allowedHosts.has(host) ? undefined : `a request from ${origin} (Origin)`;
}
