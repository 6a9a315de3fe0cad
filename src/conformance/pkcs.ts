// Just enough DER to read a CMS SignedData (RFC 5652): whether it carries
// certificates and how many SignerInfo entries it has (PDF/A-3 6.4.3).

interface Node {
  tag: number;
  start: number;
  end: number;
}

function node(b: Uint8Array, at: number): Node | undefined {
  const tag = b[at];
  let len = b[at + 1];
  if (tag === undefined || len === undefined) return undefined;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[start + i] ?? 0);
    start += n;
  }
  return start + len <= b.length ? { tag, start, end: start + len } : undefined;
}

function children(b: Uint8Array, n: Node): Node[] {
  const out: Node[] = [];
  for (let at = n.start; at < n.end; ) {
    const c = node(b, at);
    if (!c) break;
    out.push(c);
    at = c.end;
  }
  return out;
}

/** undefined when the bytes are not a ContentInfo holding SignedData. */
export function pkcsSummary(bytes: Uint8Array): { certificate: boolean; signerInfos: number } | undefined {
  const info = node(bytes, 0);
  if (info?.tag !== 0x30) return undefined;
  const explicit = children(bytes, info)[1];
  const signed = explicit ? children(bytes, explicit)[0] : undefined;
  if (signed?.tag !== 0x30) return undefined;
  const parts = children(bytes, signed);
  const certificate = parts.some((p) => p.tag === 0xa0);
  const last = parts[parts.length - 1];
  return { certificate, signerInfos: last && last.tag === 0x31 ? children(bytes, last).length : 0 };
}
