// Overflow, measured in the page that printed the PDF: the flow is laid out
// at the width of the page area (as Chromium does when it prints), then every
// box and every line of text is compared with its box and with the page area.
(h) => {
  const TOLERANCE = 1; // px: layout units round to whole pixels in these APIs
  const geo = h.geometry();
  const area = (name) => {
    const p = geo.pages[name] ?? geo.pages[""];
    return { width: p.width - p.margins.left - p.margins.right, height: p.height - p.margins.top - p.margins.bottom };
  };
  const style = document.createElement("style");
  style.textContent = `html { width: ${area("").width}px !important; }`;
  document.head.append(style);
  const findings = [];
  try {
    const clipCache = new Map();
    /** The nearest ancestor that clips its content (overflow other than visible). */
    const clipper = (el) => {
      if (clipCache.has(el)) return clipCache.get(el);
      let found = null;
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.overflowX !== "visible" || cs.overflowY !== "visible") {
          found = e;
          break;
        }
      }
      clipCache.set(el, found);
      return found;
    };
    const all = [...document.body.querySelectorAll("*")].filter(
      (el) => !el.closest("[data-preflight-probe]") && !(el instanceof SVGElement && el.ownerSVGElement),
    );

    // 1. Off the page area (outermost element only: a table too wide, not each of its cells).
    const offPage = new Map();
    const pastArea = (r, el) => {
      const a = area(h.pageName(el));
      return Math.max(r.right + window.scrollX - a.width, -(r.left + window.scrollX), 0);
    };
    const flagOffPage = (el, by) => {
      for (let e = el.parentElement; e; e = e.parentElement) if (offPage.has(e)) return;
      for (const [other] of offPage) if (el.contains(other)) offPage.delete(other);
      offPage.set(el, Math.max(by, offPage.get(el) ?? 0));
    };
    for (const el of all) {
      if (clipper(el) || !h.rendered(el)) continue;
      const by = pastArea(el.getBoundingClientRect(), el);
      if (by > TOLERANCE) flagOffPage(el, by);
    }
    for (const text of h.textNodes()) {
      const el = text.parentElement;
      if (clipper(el)) continue; // judged below, against the box that clips it
      const by = Math.max(0, ...h.rectsOf(text).map((r) => pastArea(r, el)));
      if (by > TOLERANCE) flagOffPage(el, by);
    }
    for (const [el, by] of offPage) findings.push(h.finding("overflow", "error", el, `runs ${h.mm(by)} mm past the edge of the page area`));

    // 2. Out of its own box: a child box, or a line of text, past the edges of
    // the box that holds it. Lines are judged by their middle vertically: with
    // a tight line-height the ink of big type rises above its line, harmlessly.
    const blockish = /^(block|flow-root|list-item|table-cell|table-caption|flex|grid|inline-block|inline-flex|inline-grid)$/;
    const outOfBox = [];
    const inOffPage = (el) => [...offPage.keys()].some((o) => o.contains(el) || el.contains(o));
    for (const el of all) {
      if (el instanceof SVGElement || !h.rendered(el)) continue;
      const cs = getComputedStyle(el);
      if (!blockish.test(cs.display)) continue;
      if (cs.overflowX !== "visible" || cs.overflowY !== "visible") continue; // clipped: see 3
      // A box split over columns or pages has one rectangle per fragment: a
      // line is inside when it is inside one of them.
      const fragments = [...el.getClientRects()];
      const border = (side) => Number.parseFloat(cs[`border${side}Width`]) || 0;
      const [bl, br, bb] = [border("Left"), border("Right"), border("Bottom")];
      const past = (r, byMiddle) =>
        Math.min(
          ...fragments.map((f) =>
            Math.max(r.right - (f.right - br), f.left + bl - r.left, (byMiddle ? (r.top + r.bottom) / 2 : r.bottom) - (f.bottom - bb), 0),
          ),
        );
      let textBy = 0;
      for (const node of el.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && /\S/.test(node.data)) {
          for (const r of h.rectsOf(node)) textBy = Math.max(textBy, past(r, true));
        } else if (node instanceof HTMLElement || node instanceof SVGSVGElement) {
          const ccs = getComputedStyle(node);
          if (ccs.position === "absolute" || ccs.position === "fixed" || !h.rendered(node)) continue;
          const by = Math.max(0, ...[...node.getClientRects()].map((r) => past(r, false)));
          if (by > TOLERANCE && !inOffPage(node)) outOfBox.push([node, by, `runs ${h.mm(by)} mm out of ${h.describe(el)}`]);
        }
      }
      if (textBy > TOLERANCE && !inOffPage(el)) outOfBox.push([el, textBy, `its text runs ${h.mm(textBy)} mm out of its box`]);
    }
    for (const [el, , message] of outOfBox) findings.push(h.finding("overflow", "error", el, message));

    // 3. Text cut off by a box that clips (overflow: hidden or clip).
    const cut = new Set();
    for (const text of h.textNodes()) {
      const el = text.parentElement;
      const box = clipper(el);
      if (!box || cut.has(el)) continue;
      const b = box.getBoundingClientRect();
      const cs = getComputedStyle(box);
      const margin = cs.overflowX === "clip" ? h.px(cs.overflowClipMargin?.match(/[\d.]+\w+/)?.[0] ?? "0px") : 0;
      const inner = {
        left: b.left + box.clientLeft - margin,
        top: b.top + box.clientTop - margin,
        right: b.left + box.clientLeft + box.clientWidth + margin,
        bottom: b.top + box.clientTop + box.clientHeight + margin,
      };
      const outside = h
        .rectsOf(text)
        .some(
          (r) =>
            r.left < inner.left - TOLERANCE ||
            r.right > inner.right + TOLERANCE ||
            r.top < inner.top - TOLERANCE ||
            r.bottom > inner.bottom + TOLERANCE,
        );
      if (outside) {
        cut.add(el);
        findings.push(h.finding("overflow", "error", el, `text cut off by ${h.describe(box)}: «${h.snippet(text.data)}»`));
      }
    }

    // 4. Pictures taller than the page area: Chromium cuts them at the page end.
    for (const el of all) {
      if (!["img", "svg", "canvas", "video", "object", "iframe"].includes(el.localName) || !h.rendered(el)) continue;
      const r = el.getBoundingClientRect();
      const a = area(h.pageName(el));
      if (r.height > a.height + TOLERANCE)
        findings.push(h.finding("overflow", "error", el, `is ${h.mm(r.height)} mm tall, the page area ${h.mm(a.height)} mm`));
    }
  } finally {
    style.remove();
  }
  return { findings, geometry: geo };
};
