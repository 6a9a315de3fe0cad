// Rewrites entries of a font's ToUnicode CMap (single-glyph bfchar entries;
// a glyph inside a bfrange is left alone, as are CMaps we do not recognise).

function utf16Hex(text: string): string {
  return Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase();
}

/** The CMap with `glyph -> text` for each entry of `meanings`; undefined when nothing changed. */
export function setToUnicode(cmap: string, meanings: Map<string, string>): string | undefined {
  if (!/endcmap/.test(cmap)) return undefined;
  const inRange = (glyph: string) => {
    const code = Number.parseInt(glyph, 16);
    // Each entry is <first> <last> then <unicode> or [<unicode> …].
    for (const m of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const r of m[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<[0-9A-Fa-f]*>|\[[^\]]*\])/g))
        if (code >= Number.parseInt(r[1], 16) && code <= Number.parseInt(r[2], 16)) return true;
    return false;
  };
  const existing = new Map<string, string>();
  for (const m of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const e of m[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) existing.set(e[1].toUpperCase(), e[2].toUpperCase());
  const changes = new Map<string, string>();
  for (const [glyph, text] of meanings) {
    const hex = utf16Hex(text);
    if (existing.get(glyph) !== hex && !inRange(glyph)) changes.set(glyph, hex);
  }
  if (!changes.size) return undefined;
  // Old entries of those glyphs out (block counts kept right), new ones in before endcmap.
  let out = cmap.replace(/\d+\s+beginbfchar([\s\S]*?)endbfchar/g, (_m, body: string) => {
    const entries = [...body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)].filter((e) => !changes.has(e[1].toUpperCase()));
    return entries.length ? `${entries.length} beginbfchar\n${entries.map((e) => `<${e[1]}> <${e[2]}>`).join("\n")}\nendbfchar` : "";
  });
  const added = [...changes].sort(([a], [b]) => (a < b ? -1 : 1));
  const blocks: string[] = [];
  for (let i = 0; i < added.length; i += 100) {
    const chunk = added.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([g, h]) => `<${g}> <${h}>`).join("\n")}\nendbfchar`);
  }
  out = out.replace(/endcmap/, `${blocks.join("\n")}\nendcmap`);
  return out;
}
