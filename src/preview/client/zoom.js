// Page view zoom: fit the page, fit the width, or a fixed size where 100 %
// is the printed size (1 pt = 96/72 CSS px, as PDF viewers measure it).
// The canvas is drawn at zoom × devicePixelRatio by the viewer, so every
// level is sharp, on a 2× screen too.

export const STEPS = [50, 75, 100, 125, 150, 200, 300, 400];
const CSS_PX_PER_PT = 96 / 72;

/** "page", "width" or a percentage from the address (`zoom=200`); anything else fits the page. */
export function parseZoom(text) {
  if (text === "width" || text === "page") return text;
  const n = Number.parseInt(text ?? "", 10);
  return Number.isFinite(n) ? Math.min(400, Math.max(25, n)) : "page";
}

/** CSS pixels per PDF point for a page of `base` (scale 1 viewport) in a room of `room` CSS px. */
export function zoomScale(zoom, base, room) {
  if (zoom === "width") return Math.max(0.2, room.width / base.width);
  if (zoom === "page") return Math.max(0.2, Math.min(room.height / base.height, room.width / base.width));
  return (zoom / 100) * CSS_PX_PER_PT;
}

/** The percentage a scale shows (for the indicator and for stepping from a fitted zoom). */
export function percentOf(scale) {
  return Math.round((scale / CSS_PX_PER_PT) * 100);
}

/** The next step up (+1) or down (−1) from the percentage shown now. */
export function stepZoom(current, direction) {
  if (direction > 0) return STEPS.find((s) => s > current) ?? 400;
  return [...STEPS].reverse().find((s) => s < current) ?? STEPS[0];
}

/**
 * Where the reader is: the point of the page at the middle of the window, as
 * fractions of the page. Kept across a zoom so the same words stay in view.
 */
export function readingPoint(paper) {
  const r = paper.getBoundingClientRect();
  if (!r.width || !r.height) return undefined;
  const clamp = (v) => Math.min(1, Math.max(0, v));
  return { x: clamp((window.innerWidth / 2 - r.left) / r.width), y: clamp((window.innerHeight / 2 - r.top) / r.height) };
}

/** Scroll so that the point is at the middle of the window again. */
export function restoreReadingPoint(paper, point) {
  if (!point) return;
  const r = paper.getBoundingClientRect();
  window.scrollBy(r.left + point.x * r.width - window.innerWidth / 2, r.top + point.y * r.height - window.innerHeight / 2);
}
