// Characters the edition's own fonts do not cover: the text's first font
// family and the unicode-range of its @font-face rules say which ones.
// Node decides whether another font printed them or none did.
(h) => {
  const ranges = new Map();
  for (const face of document.fonts) {
    const family = face.family.replace(/^["']|["']$/g, "");
    const list = ranges.get(family) ?? [];
    for (const part of face.unicodeRange.split(",")) {
      const m = part.trim().match(/^U\+([0-9A-F?]+)(?:-([0-9A-F]+))?$/i);
      if (!m) continue;
      const lo = Number.parseInt(m[1].replace(/\?/g, "0"), 16);
      const hi = m[2] ? Number.parseInt(m[2], 16) : Number.parseInt(m[1].replace(/\?/g, "F"), 16);
      list.push([lo, hi]);
    }
    ranges.set(family, list);
  }
  const covered = (list, cp) => list.some(([lo, hi]) => cp >= lo && cp <= hi);
  // Spaces and marks no font draws (soft hyphen, joiners, line breaks).
  const invisible = /[\s\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]/u;
  const candidates = [];
  const seen = new Map();
  for (const text of h.textNodes()) {
    const el = text.parentElement;
    if (!h.rendered(el)) continue;
    const family = getComputedStyle(el)
      .fontFamily.split(",")[0]
      .trim()
      .replace(/^["']|["']$/g, "");
    const list = ranges.get(family);
    const chars = [...new Set([...text.data].filter((ch) => !invisible.test(ch) && !(list && covered(list, ch.codePointAt(0)))))];
    if (!chars.length) continue;
    const previous = seen.get(el);
    if (previous) {
      for (const ch of chars) if (!previous.chars.includes(ch)) previous.chars.push(ch);
      continue;
    }
    const entry = {
      key: h.key(el),
      family,
      projectFont: Boolean(list),
      chars,
      text: h.snippet(text.data, 40),
      element: h.describe(el),
      section: h.section(el),
    };
    seen.set(el, entry);
    candidates.push(entry);
  }
  return { glyphs: candidates, families: [...ranges.keys()] };
};
