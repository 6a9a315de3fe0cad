// What balancing the pages needs to know of the laid-out document: the rows
// of every table grouped by service model (their heights, the model each
// continues), the groups of consecutive charts, and the page area. With
// mode "probe", each row also gets a hidden link to it, so that every print
// from then on writes a named destination (its page) for it (the anchors of
// src/readback/print-anchors.ts); "remove" undoes that.
(mode, areaHeight) => {
  if (mode === "remove") {
    for (const nav of document.querySelectorAll("[data-balance-probe]")) nav.remove();
    for (const el of document.querySelectorAll("[data-balance-id]")) {
      el.removeAttribute("id");
      el.removeAttribute("data-balance-id");
    }
    return null;
  }
  const anchorOf = (el) => el.closest("section")?.querySelector("[id]")?.id ?? "";
  const nav = document.createElement("nav");
  nav.setAttribute("data-balance-probe", "");
  nav.style.display = "none";
  const tables = [];
  document.querySelectorAll("table").forEach((table, t) => {
    const groups = [...table.tBodies].filter((b) => b.querySelector("th[scope=row]"));
    if (!groups.length) return;
    const rows = [];
    groups.forEach((tbody, g) => {
      [...tbody.rows].forEach((tr, r) => {
        const id = `balance-row-${t}-${g}-${r}`;
        if (mode === "probe" && !tr.id) {
          tr.id = id;
          tr.setAttribute("data-balance-id", "");
          const a = document.createElement("a");
          a.href = `#${id}`;
          nav.append(a);
        }
        rows.push({
          id: tr.id || id,
          tbody: g + 1,
          row: r + 1,
          height: tr.getBoundingClientRect().height,
          model: tbody.rows[0].cells[0]?.textContent.trim() ?? "",
        });
      });
    });
    let after = 0;
    for (let n = table.nextElementSibling; n?.matches(".note"); n = n.nextElementSibling) after += n.getBoundingClientRect().height + 16;
    const section = table.closest("section");
    const next = section?.nextElementSibling;
    tables.push({
      anchor: anchorOf(table),
      index: [...(section?.querySelectorAll("table") ?? [])].indexOf(table) + 1,
      head: table.tHead?.getBoundingClientRect().height ?? 0,
      notes: after,
      rows,
      nextAnchor: next ? anchorOf(next.querySelector("[id]") ?? next) : "",
      nextStartsPage: !next || getComputedStyle(next).breakBefore === "page",
    });
  });
  // Consecutive chart sections make a group, to be printed on one page.
  const charts = [];
  let run = [];
  for (const s of document.querySelectorAll("body > section")) {
    const id = s.matches(".chart-section") ? (s.querySelector("[id]")?.id ?? "") : "";
    if (id) run.push({ anchor: id, height: s.getBoundingClientRect().height + Number.parseFloat(getComputedStyle(s).marginTop) });
    if (!id || s === document.querySelector("body > section:last-of-type")) {
      if (run.length > 1) charts.push(run);
      run = [];
    }
  }
  // Sections of running text in columns (the editorial) or of a list in
  // columns (the sources) that open a page and are followed by another that
  // does: their last page is theirs alone.
  const sections = [...document.querySelectorAll("section.page-start")].flatMap((sec) => {
    const anchor = sec.querySelector("[id]")?.id;
    const text = sec.querySelector(".columns p:not(.lead)");
    const p = text ?? sec.querySelector(".source-list .source-title");
    const next = sec.nextElementSibling;
    const last = !!next?.matches(".back-cover");
    const nextAnchor = next?.matches(".page-start") ? (next.querySelector("[id]")?.id ?? next.id) : "";
    if (!anchor || !p || (!nextAnchor && !last)) return [];
    const cs = getComputedStyle(p);
    return [
      {
        anchor,
        nextAnchor,
        last,
        kind: text ? "columns" : "list",
        leading: Number.parseFloat(cs.lineHeight) / Number.parseFloat(cs.fontSize),
      },
    ];
  });
  // The first heading of every section that opens a page by design: the page
  // before one may end short (src/readback/page-fill.ts).
  const starts = [...document.querySelectorAll("section.page-start")].flatMap((sec) => {
    const id = sec.querySelector("h1[id], h2[id], h3[id]")?.id ?? sec.querySelector("[id]")?.id;
    return id ? [id] : [];
  });
  if (mode === "probe") document.body.append(nav);
  return { tables, charts, sections, starts, areaHeight };
};
