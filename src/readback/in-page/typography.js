// The printed text of each block (paragraph, list item, cell, heading, chart
// label), with its language, for Node to judge its typography (quotes,
// French spacing: src/preflight/judge-typography.ts). Code is left out.
(h) => {
  const blocks = new Map();
  const blockOf = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      if (e instanceof SVGElement) {
        if (e.localName === "text" || e.localName === "title") return e;
        continue;
      }
      const d = getComputedStyle(e).display;
      if (d !== "inline" && d !== "contents") return e;
    }
    return document.body;
  };
  for (const node of h.textNodes()) {
    const el = node.parentElement;
    if (el.closest("code, pre, kbd, samp, style, script, [aria-hidden='true']") || !h.rendered(el)) continue;
    const block = blockOf(el);
    const entry = blocks.get(block) ?? { el: block, text: "" };
    entry.text += node.data;
    blocks.set(block, entry);
  }
  const langOf = (el) => (el.closest("[lang]")?.getAttribute("lang") ?? "").toLowerCase();
  return [...blocks.values()].map(({ el, text }) => ({
    key: h.key(el),
    element: h.describe(el),
    section: h.section(el),
    lang: langOf(el),
    text: text.replace(/\u00ad/g, ""),
  }));
};
