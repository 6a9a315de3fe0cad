// Links as printed: internal ones must reach exactly one element; external
// ones go back to Node for a check of their form (nothing is fetched); the
// contents entries go back with the page number they print.
(h) => {
  const findings = [];
  const external = [];
  const contents = [];
  for (const a of document.querySelectorAll("a[href]")) {
    if (a.closest("[data-preflight-probe]")) continue;
    const href = a.getAttribute("href").trim();
    // A contents entry's text without the page number it prints.
    const text = h.snippet(a.querySelector(".toc-title")?.textContent ?? a.textContent ?? "", 40);
    if (href.startsWith("#")) {
      let id = href.slice(1);
      try {
        id = decodeURIComponent(id);
      } catch {}
      const targets = id ? document.querySelectorAll(`[id="${CSS.escape(id)}"], a[name="${CSS.escape(id)}"]`).length : 0;
      if (targets === 0) findings.push(h.finding("link-internal", "error", a, `«${text}» links to #${id}, which no element carries`));
      else if (targets > 1)
        findings.push(h.finding("link-internal", "error", a, `«${text}» links to #${id}, which ${targets} elements carry`));
    } else if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      findings.push(
        h.finding("link-internal", "error", a, `«${text}» links to "${href}", a file beside the HTML that the PDF does not carry`),
      );
    } else {
      external.push({ key: h.key(a), href, text, element: h.describe(a), section: h.section(a) });
    }
  }
  // Contents entries: a link to a heading, printing that heading's page last.
  for (const a of document.querySelectorAll("nav a[href^='#'], .toc a[href^='#']")) {
    const numbers = (a.textContent ?? "").match(/\d+/g);
    const title = a.querySelector(".toc-title")?.textContent ?? a.textContent ?? "";
    contents.push({
      key: h.key(a),
      anchor: decodeURIComponent(a.getAttribute("href").slice(1)),
      title: h.snippet(title.replace(/\d+\s*$/, ""), 60),
      printed: numbers ? Number(numbers[numbers.length - 1]) : null,
      element: h.describe(a),
      section: h.section(a),
    });
  }
  return { findings, external, contents };
};
