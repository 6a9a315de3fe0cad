// The glyph names of an embedded Type 1 program (FontFile): the private part
// decrypted (eexec, Adobe Type 1 Font Format 7.2) and its CharStrings' keys.

export function type1GlyphNames(program: Uint8Array): Set<string> | undefined {
  const text = Buffer.from(program).toString("latin1");
  const at = text.indexOf("eexec");
  if (at < 0) return undefined;
  let start = at + 5;
  while (start < program.length && [10, 13, 32, 9].includes(program[start] ?? 0)) start++;
  let data = program.subarray(start);
  // Hexadecimal eexec sections (PFA) are decoded first.
  if (/^[0-9A-Fa-f]{4}/.test(Buffer.from(data.subarray(0, 4)).toString("latin1")))
    data = Buffer.from(
      Buffer.from(data)
        .toString("latin1")
        .replace(/[^0-9A-Fa-f]/g, ""),
      "hex",
    );
  let r = 55665;
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const c = data[i] ?? 0;
    out[i] = c ^ (r >> 8);
    r = ((c + r) * 52845 + 22719) & 0xffff;
  }
  const plain = Buffer.from(out.subarray(4)).toString("latin1");
  const cs = plain.indexOf("/CharStrings");
  if (cs < 0) return undefined;
  const names = new Set<string>();
  for (const m of plain.slice(cs).matchAll(/\/([^\s/[\]{}()<>]+)\s+\d+\s+(?:RD|-\|)\s/g)) names.add(m[1] ?? "");
  return names;
}
