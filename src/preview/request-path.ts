// The first gate of every request: only plain paths get through. The preview's
// routes use nothing but letters, digits, dots, dashes and slashes, so anything
// percent-encoded, any backslash, NUL, empty segment or dot-dot is refused
// before routing, whichever way it is spelt (%2e%2e, %2f, %5c, %00, %252e ...).

export type RequestTarget = { ok: true; pathname: string; query: URLSearchParams } | { ok: false; reason: string };

const PLAIN_PATH = /^\/[A-Za-z0-9._\-/]*$/;

export function parseRequestTarget(raw: string | undefined): RequestTarget {
  if (!raw || raw.length > 2048) return { ok: false, reason: "missing or overlong request target" };
  const q = raw.indexOf("?");
  const pathname = q === -1 ? raw : raw.slice(0, q);
  const search = q === -1 ? "" : raw.slice(q + 1);
  // Checked on the whole target, query included: no legitimate request has these.
  if (/\.\.|%2e|%2f|%5c|%00|[\\\0]/i.test(raw)) return { ok: false, reason: "dot-dot, encoded separator, backslash or NUL in the request" };
  if (!PLAIN_PATH.test(pathname)) return { ok: false, reason: "encoded or unexpected characters in the path" };
  const segments = pathname.split("/").slice(1);
  if (segments.some((s) => s === "." || s === "..")) return { ok: false, reason: "dot segment in the path" };
  if (segments.slice(0, -1).some((s) => s === "")) return { ok: false, reason: "empty segment in the path" };
  return { ok: true, pathname, query: new URLSearchParams(search) };
}

/**
 * Host header check against DNS rebinding: a web page elsewhere cannot reach
 * the preview through a name of its own that resolves to 127.0.0.1.
 */
export function isAllowedHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}
