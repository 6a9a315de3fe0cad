// Manifest bytes to text, strictly: bytes that are not UTF-8 are named with
// their place, while a U+FFFD written in valid UTF-8 is just a character.
import { sourceLines } from "./line-breaks.js";

export type Decoded = { ok: true; text: string } | { ok: false; line: number; column: number; message: string };

const strict = new TextDecoder("utf-8", { fatal: true });

export function decodeManifest(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    // Where the first bad byte is: the longest prefix that still decodes.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        strict.decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    // lo may sit inside a sequence that started well and went wrong: point at its first byte.
    for (let k = lo; k >= Math.max(0, lo - 3); k--) {
      try {
        strict.decode(bytes.subarray(0, k));
        lo = k;
        break;
      } catch {}
    }
    const before = Buffer.from(bytes.subarray(0, lo)).toString("utf8");
    const lines = sourceLines(before);
    const line = lines.length;
    const column = lines[lines.length - 1].length + 1;
    const byte = bytes[lo]?.toString(16).padStart(2, "0") ?? "??";
    return {
      ok: false,
      line,
      column,
      message: `expected a YAML text file in UTF-8, got the byte 0x${byte}, which is not UTF-8 (is this the right file, saved as UTF-8?)`,
    };
  }
}
