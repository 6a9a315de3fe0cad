// Colour contrast of every piece of text against what is painted behind it
// (the backgrounds of its ancestors over white paper), WCAG 2 AA: 4.5:1, or
// 3:1 for large text (18 pt, or 14 pt bold). Alike failures are reported once,
// at their first place, with how many there are.
(h) => {
  const parse = (value) => {
    const m = value.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return { r, g, b, a };
  };
  const over = (top, under) => {
    const a = top.a;
    return { r: top.r * a + under.r * (1 - a), g: top.g * a + under.g * (1 - a), b: top.b * a + under.b * (1 - a), a: 1 };
  };
  const luminance = ({ r, g, b }) => {
    const ch = (v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  const hex = ({ r, g, b }) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;

  const backdrops = new Map();
  /** Background behind an element: its ancestors' backgrounds, outermost first, over white. */
  const backdrop = (el) => {
    if (!el || el === document.documentElement.parentElement) return { colour: { r: 255, g: 255, b: 255, a: 1 }, image: false };
    if (backdrops.has(el)) return backdrops.get(el);
    const below = backdrop(el.parentElement);
    const cs = getComputedStyle(el);
    const bg = parse(cs.backgroundColor);
    const result = {
      colour: bg && bg.a > 0 ? over(bg, below.colour) : below.colour,
      image: below.image || (cs.backgroundImage !== "none" && !(el instanceof SVGElement)),
    };
    backdrops.set(el, result);
    return result;
  };

  const groups = new Map();
  for (const text of h.textNodes()) {
    const el = text.parentElement;
    if (!h.rendered(el) || h.rectsOf(text).length === 0) continue;
    const cs = getComputedStyle(el);
    const svgText = el instanceof SVGElement;
    const ink = parse(svgText ? cs.fill : cs.color);
    if (!ink || ink.a === 0 || Number(cs.opacity) === 0) continue;
    const back = backdrop(el);
    if (back.image) continue; // text over a picture: judged by eye
    const fg = over(ink, back.colour);
    const [l1, l2] = [luminance(fg), luminance(back.colour)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = Number.parseFloat(cs.fontSize) * 0.75; // pt
    const large = size >= 18 || (size >= 14 && Number(cs.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    if (ratio >= needed - 0.005) continue;
    const id = `${hex(fg)}|${hex(back.colour)}|${needed}`;
    const group = groups.get(id);
    if (group) group.count++;
    else groups.set(id, { el, fg, bg: back.colour, ratio, needed, count: 1, sample: text.data });
  }
  const findings = [];
  for (const g of groups.values()) {
    const more = g.count > 1 ? `; ${g.count - 1} more text${g.count > 2 ? "s" : ""} in these colours` : "";
    findings.push(
      h.finding(
        "contrast",
        "error",
        g.el,
        `«${h.snippet(g.sample, 30)}»: ${hex(g.fg)} on ${hex(g.bg)} is ${g.ratio.toFixed(2)}:1, WCAG AA needs ${g.needed}:1${more}`,
      ),
    );
  }
  return { findings };
};
