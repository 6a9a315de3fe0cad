// The JP2 boxes PDF/A-3 6.2.8.3 reads: the image header (channels, bit depth),
// the colour specifications and whether a bpcc box is present (ISO 15444-1 I.5).

export interface Jp2 {
  channels: number;
  bitDepth: number;
  bpcc: boolean;
  colr: { method: number; approx: number; enumCS?: number }[];
}

function* boxes(b: Uint8Array, start: number, end: number): Generator<{ type: string; start: number; end: number }> {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let at = start; at + 8 <= end; ) {
    let len = view.getUint32(at);
    const type = String.fromCharCode(...b.subarray(at + 4, at + 8));
    let head = 8;
    if (len === 1 && at + 16 <= end) {
      len = Number(view.getBigUint64(at + 8));
      head = 16;
    } else if (len === 0) len = end - at;
    if (len < head || at + len > end) return;
    yield { type, start: at + head, end: at + len };
    at += len;
  }
}

/** undefined when the data is a raw codestream or has no jp2h header box. */
export function jp2Summary(b: Uint8Array): Jp2 | undefined {
  for (const box of boxes(b, 0, b.length)) {
    if (box.type !== "jp2h") continue;
    const out: Jp2 = { channels: 0, bitDepth: 0, bpcc: false, colr: [] };
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    for (const sub of boxes(b, box.start, box.end)) {
      if (sub.type === "ihdr" && sub.end - sub.start >= 14) {
        out.channels = view.getUint16(sub.start + 8);
        const bpc = b[sub.start + 10] ?? 0;
        out.bitDepth = bpc === 255 ? 0 : (bpc & 0x7f) + 1;
      } else if (sub.type === "bpcc") out.bpcc = true;
      else if (sub.type === "colr") {
        const method = b[sub.start] ?? 0;
        out.colr.push({ method, approx: b[sub.start + 2] ?? 0, enumCS: method === 1 ? view.getUint32(sub.start + 3) : undefined });
      }
    }
    return out;
  }
  return undefined;
}
