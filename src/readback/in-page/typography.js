// The printed text of each block (paragraph, list item, cell, heading, chart
// label), with its language, for Node to judge its typography (quotes,
// French spacing: src/preflight/judge-typography.ts). Code is left out.
// For a heading, also its lines as laid out: how many, and the words of the last.
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
  // Each word of the heading (letters or digits between spaces, no-break ones
  // included) placed by the top of its box; a new line starts lower down.
  const lines = (el) => {
    const rows = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest("svg, [aria-hidden='true']") || !h.rendered(node.parentElement)) continue;
      for (const m of node.data.matchAll(/[^\s\u00ad]+/g)) {
        if (!/[\p{L}\p{N}]/u.test(m[0])) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (!rects.length) continue;
        const r = rects[rects.length - 1];
        const row = rows[rows.length - 1];
        if (row && r.top < row.top + r.height / 2) row.words.push(m[0]);
        else rows.push({ top: r.top, words: [m[0]] });
      }
    }
    return rows.map((row) => row.words.join(" "));
  };
  // The lines as printed: the flow laid out at the page area's width, as layout.js does.
  const geo = h.geometry();
  const page = geo.pages[""];
  const style = document.createElement("style");
  style.textContent = `html { width: ${page.width - page.margins.left - page.margins.right}px !important; }`;
  document.head.append(style);
  try {
    return [...blocks.values()].map(({ el, text }) => ({
      key: h.key(el),
      element: h.describe(el),
      section: h.section(el),
      lang: langOf(el),
      text: text.replace(/\u00ad/g, ""),
      ...(/^h[1-6]$/.test(el.localName) ? { lines: lines(el) } : {}),
    }));
  } finally {
    style.remove();
  }
};
