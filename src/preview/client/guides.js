// The "Outlines" layer drawn over a page: page box, margins, text block and the
// @page margin boxes (running heads, folio), from the geometry the server reads
// out of the stylesheet. Units are millimetres; the page size is the PDF's own.
// A drawing aid only: the page under it is the real PDF page.

const SVG = "http://www.w3.org/2000/svg";

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text) node.textContent = text;
  return node;
}

/** Rectangles of the margin boxes along one edge: halves without a centre box, thirds with one. */
function edgeBoxes(names, edge, band) {
  const order = [`${edge}-left`, `${edge}-center`, `${edge}-right`];
  const side = edge === "left" || edge === "right";
  const slots = side ? [`${edge}-top`, `${edge}-middle`, `${edge}-bottom`] : order;
  const present = slots.filter((n) => names.includes(n));
  const hasCentre = present.includes(slots[1]);
  const parts = hasCentre ? 3 : 2;
  return present.map((name) => {
    const slot = slots.indexOf(name);
    const index = hasCentre ? slot : slot === 0 ? 0 : 1;
    if (side) {
      const h = band.h / parts;
      return { name, x: band.x, y: band.y + index * h, w: band.w, h };
    }
    const w = band.w / parts;
    return { name, x: band.x + index * w, y: band.y, w, h: band.h };
  });
}

const fmt = (mm) => `${Math.round(mm * 10) / 10} mm`;

/**
 * `trim` (the print profile): where the trim sits on the page drawn, in mm; the
 * outlines are drawn on it, with the trim and bleed edges marked.
 */
export function drawGuides(pageWidthMm, pageHeightMm, geometry, cover, trim) {
  if (trim) {
    const outer = el("svg", {
      class: "guides",
      viewBox: `0 0 ${pageWidthMm} ${pageHeightMm}`,
      preserveAspectRatio: "none",
      "aria-hidden": "true",
    });
    const inner = drawGuides(trim.width, trim.height, geometry, cover);
    for (const [k, v] of Object.entries({ x: trim.x, y: trim.y, width: trim.width, height: trim.height, class: "guides-trim" }))
      inner.setAttribute(k, String(v));
    const bleed = trim.bleed;
    outer.append(
      el("rect", {
        class: "bleed-box",
        x: trim.x - bleed,
        y: trim.y - bleed,
        width: trim.width + 2 * bleed,
        height: trim.height + 2 * bleed,
      }),
      inner,
      el(
        "text",
        { class: "dim", x: trim.x, y: trim.y - bleed - 1.2 },
        `trim ${fmt(trim.width)} × ${fmt(trim.height)} · bleed ${fmt(bleed)}`,
      ),
    );
    return outer;
  }
  const [widthMm, heightMm] = [pageWidthMm, pageHeightMm];
  const named = cover ? geometry.named?.cover : undefined;
  const m = named?.margins ?? geometry.margins;
  const boxes = named?.marginBoxes ?? geometry.marginBoxes ?? [];
  const svg = el("svg", { class: "guides", viewBox: `0 0 ${widthMm} ${heightMm}`, preserveAspectRatio: "none", "aria-hidden": "true" });
  const inner = { x: m.left, y: m.top, w: widthMm - m.left - m.right, h: heightMm - m.top - m.bottom };

  // Margins as four bands, so the text block stays clear.
  svg.append(
    el("rect", { class: "margin", x: 0, y: 0, width: widthMm, height: m.top }),
    el("rect", { class: "margin", x: 0, y: heightMm - m.bottom, width: widthMm, height: m.bottom }),
    el("rect", { class: "margin", x: 0, y: m.top, width: m.left, height: inner.h }),
    el("rect", { class: "margin", x: widthMm - m.right, y: m.top, width: m.right, height: inner.h }),
  );
  const bands = {
    top: { x: m.left, y: 0, w: inner.w, h: m.top },
    bottom: { x: m.left, y: heightMm - m.bottom, w: inner.w, h: m.bottom },
    left: { x: 0, y: m.top, w: m.left, h: inner.h },
    right: { x: widthMm - m.right, y: m.top, w: m.right, h: inner.h },
  };
  for (const edge of Object.keys(bands)) {
    if (!bands[edge].w || !bands[edge].h) continue;
    for (const b of edgeBoxes(boxes, edge, bands[edge])) {
      svg.append(el("rect", { class: "margin-box", x: b.x, y: b.y, width: b.w, height: b.h }));
      const label = edge === "top" ? "running head" : edge === "bottom" ? "folio" : "side";
      svg.append(el("text", { x: b.x + 1.2, y: b.y + 3.6 }, `@${b.name} · ${label}`));
    }
  }
  if (inner.w > 0 && inner.h > 0 && (m.top || m.left || m.right || m.bottom)) {
    svg.append(el("rect", { class: "text-block", x: inner.x, y: inner.y, width: inner.w, height: inner.h }));
    svg.append(el("text", { class: "dim", x: 1.2, y: Math.max(3.4, m.top / 2) }, fmt(m.top)));
    svg.append(el("text", { class: "dim", x: 1.2, y: heightMm - m.bottom / 2 + 1 }, fmt(m.bottom)));
    svg.append(el("text", { class: "dim", x: 1.2, y: heightMm / 2 }, fmt(m.left)));
    svg.append(el("text", { class: "dim", x: widthMm - m.right + 1.2, y: heightMm / 2 }, fmt(m.right)));
  }
  svg.append(el("rect", { class: "page-box", x: 0, y: 0, width: widthMm, height: heightMm }));
  svg.append(
    el(
      "text",
      { class: "dim", x: widthMm - 1.2, y: heightMm - 1.4, "text-anchor": "end" },
      `${fmt(widthMm)} × ${fmt(heightMm)}${cover ? " · @page cover" : ""}`,
    ),
  );
  return svg;
}
