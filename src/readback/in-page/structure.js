// What Chromium turns into the PDF's tag structure: headings and their
// levels, text alternatives of pictures, table header cells, languages.
(h) => {
  const findings = [];
  const alts = [];
  const blocks = [];
  const hidden = (el) => el.closest("[aria-hidden='true'], [data-preflight-probe]") !== null;
  const langOf = (el) => (el.closest("[lang]")?.getAttribute("lang") ?? "").toLowerCase();

  // Headings: a level may go down by any number, but up by one at a time.
  let previous = null;
  for (const el of document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role='heading']")) {
    if (hidden(el) || !h.rendered(el)) continue;
    const level = Number(el.getAttribute("aria-level") ?? el.localName.slice(1)) || 2;
    if (previous && level > previous.level + 1)
      findings.push(
        h.finding(
          "heading-order",
          "error",
          el,
          `«${h.snippet(el.textContent ?? "")}» is a level-${level} heading after a level-${previous.level} one («${h.snippet(previous.text, 30)}»)`,
        ),
      );
    previous = { level, text: el.textContent ?? "" };
  }

  // Pictures: every image and every chart or drawing not hidden from screen readers.
  const nameOf = (el) => {
    const label = el.getAttribute("aria-label");
    if (label?.trim()) return label;
    const by = el.getAttribute("aria-labelledby");
    if (by) {
      const text = by
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" ");
      if (text.trim()) return text;
    }
    const title = [...el.children].find((c) => c.localName === "title");
    return title?.textContent ?? "";
  };
  for (const img of document.querySelectorAll("img")) {
    if (hidden(img)) continue;
    const alt = img.getAttribute("alt");
    if (alt === null) findings.push(h.finding("alt-text", "error", img, "image without an alt attribute"));
    else if (alt.trim()) alts.push({ key: h.key(img), text: alt, lang: langOf(img), element: h.describe(img), section: h.section(img) });
  }
  for (const el of document.querySelectorAll("svg, [role='img']")) {
    if (el.ownerSVGElement || hidden(el) || ["presentation", "none"].includes(el.getAttribute("role") ?? "")) continue;
    const what = el.classList.contains("chart") ? "chart" : "picture";
    const name = nameOf(el).trim();
    if (!name) findings.push(h.finding("alt-text", "error", el, `${what} without a text alternative`));
    else alts.push({ key: h.key(el), text: name, lang: langOf(el), element: h.describe(el), section: h.section(el) });
  }

  // Tables: headers are th cells, never td made to look like them.
  for (const table of document.querySelectorAll("table")) {
    if (hidden(table) || table.getAttribute("role") === "presentation") continue;
    if (!table.querySelector("th")) {
      findings.push(h.finding("table-headers", "error", table, "table without header cells (th)"));
      continue;
    }
    for (const td of table.querySelectorAll("thead td"))
      if ((td.textContent ?? "").trim())
        findings.push(h.finding("table-headers", "error", td, `header «${h.snippet(td.textContent ?? "")}» is a td, not a th`));
  }

  // Languages: the document's, and each passage of running text with the
  // language it is marked with (Node judges what it reads as).
  const htmlLang = document.documentElement.getAttribute("lang") ?? "";
  const leaf = "p, li, td, th, dd, dt, h1, h2, h3, h4, h5, h6, figcaption, blockquote, caption, span.link-label";
  for (const el of document.querySelectorAll(leaf)) {
    if (hidden(el) || el.querySelector(leaf)) continue;
    // Only the text in the block's own language: a marked span is judged by its mark.
    const marker = el.closest("[lang]");
    // Names (translate="no": providers, offers) are in no language; they are left out.
    const own = h.textNodes(el).filter((n) => n.parentElement.closest("[lang]") === marker && !n.parentElement.closest('[translate="no"]'));
    const text = own
      .map((n) => n.data)
      .join(" ")
      .replace(/\u00ad/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (text.split(" ").length < 4) continue;
    blocks.push({ key: h.key(el), text, lang: langOf(el), element: h.describe(el), section: h.section(el) });
  }
  return { findings, alts, blocks, htmlLang };
};
