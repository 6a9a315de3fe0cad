// The form of an external link, checked without fetching anything: a scheme a
// reader's viewer opens, and a host name that could exist in the DNS.

const SCHEMES = new Set(["https:", "http:", "mailto:"]);

function hostProblem(host: string): string | undefined {
  if (!host) return "it has no host name";
  if (/^\[[0-9a-f:.]+\]$/i.test(host) || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return undefined;
  const labels = host.replace(/\.$/, "").split(".");
  if (labels.length < 2) return `its host "${host}" has no domain (no dot)`;
  for (const label of labels) {
    if (!label) return `its host "${host}" has an empty label`;
    if (label.length > 63) return `its host "${host}" has a label longer than 63 characters`;
    if (!/^[a-z0-9-]+$/.test(label) || label.startsWith("-") || label.endsWith("-"))
      return `its host "${host}" has a character a host name cannot have`;
  }
  const tld = labels[labels.length - 1];
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld)) return `its host "${host}" ends in "${tld}", not a top-level domain`;
  return undefined;
}

/** Why `href` is not a well-formed external address; undefined when it is. */
export function urlProblem(href: string): string | undefined {
  if (/\s/.test(href)) return "it contains white space";
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return "it is not a valid address";
  }
  if (!SCHEMES.has(url.protocol)) return `its scheme ${url.protocol} is not one a reader can open (https, http, mailto)`;
  if (url.protocol === "mailto:")
    return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname)) ? undefined : "it is not an e-mail address";
  if (url.username || url.password) return "it carries a user name or password";
  return hostProblem(url.hostname);
}
