// ToUnicode and embedded CMaps read as PDF uses them: code → Unicode text
// (bfchar, bfrange), and the CIDs and WMode an embedded CMap declares.

const hexToNumber = (h: string) => Number.parseInt(h || "0", 16);
const utf16 = (h: string) => {
  let s = "";
  for (let i = 0; i + 4 <= h.length; i += 4) s += String.fromCharCode(hexToNumber(h.slice(i, i + 4)));
  if (h.length === 2) s = String.fromCharCode(hexToNumber(h));
  return s;
};

export function readToUnicode(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(hexToNumber(m[1] ?? ""), utf16(m[2] ?? ""));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g)) {
      const lo = hexToNumber(m[1] ?? "");
      const hi = Math.min(hexToNumber(m[2] ?? ""), lo + 65535);
      if (m[3] !== undefined) {
        const base = m[3];
        const last = hexToNumber(base.slice(-4));
        for (let c = lo; c <= hi; c++) map.set(c, utf16(base.slice(0, -4) + (last + c - lo).toString(16).padStart(4, "0")));
      } else {
        const list = [...(m[4] ?? "").matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1] ?? "");
        list.forEach((dst, i) => {
          if (lo + i <= hi) map.set(lo + i, utf16(dst));
        });
      }
    }
  return map;
}

/** The largest CID an embedded CMap maps to, and its WMode (0 when not said). */
export function readCMapFile(text: string): { maxCID: number; wmode: number; uses?: string } {
  let maxCID = 0;
  for (const block of text.matchAll(/begincidrange([\s\S]*?)endcidrange/g))
    for (const m of (block[1] ?? "").matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)/g))
      maxCID = Math.max(maxCID, Number(m[3]) + hexToNumber(m[2] ?? "") - hexToNumber(m[1] ?? ""));
  for (const block of text.matchAll(/begincidchar([\s\S]*?)endcidchar/g))
    for (const m of (block[1] ?? "").matchAll(/<[0-9A-Fa-f]+>\s*(\d+)/g)) maxCID = Math.max(maxCID, Number(m[1]));
  const wmode = Number(/\/WMode\s+(\d)/.exec(text)?.[1] ?? 0);
  const uses = /\/([^\s/]+)\s+usecmap/.exec(text)?.[1];
  return { maxCID, wmode, uses };
}
