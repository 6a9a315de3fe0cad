// The preview's router. `#/` is the index of editions; `#/2026-04/en?view=page&page=3&outlines=1`
// is one edition, and the address keeps the view, the page and the outlines
// across reloads (and the zoom: `&zoom=200`, `width`; `&findings=0` hides preflight's panel and boxes).
// `&source=LINE` finds the text of that line of the manifest on the pages; a click on a line of
// text shows its source (manifest, template, stylesheet). `&profile=print` shows the print profile (trim, bleed and crop marks), `&spreads=1` facing pages.
// Keys: G grid/page, O outlines, P preflight findings, R print profile, S spreads, ← → pages,
// + − zoom, 0 100 %, W fit width, F fit page, / find.
import { showIndex } from "./editions-index.js";
import { EditionView } from "./viewer.js";
import { parseZoom } from "./zoom.js";

const $ = (id) => document.getElementById(id);
const ui = {
  main: $("main"),
  status: $("status"),
  problems: $("problems"),
  controls: $("controls"),
  editionName: $("edition-name"),
  viewGrid: $("view-grid"),
  viewPage: $("view-page"),
  prev: $("prev"),
  next: $("next"),
  pageIndicator: $("page-indicator"),
  outlines: $("outlines"),
  pdfLink: $("pdf-link"),
  zoom: $("zoom"),
  zoomLevel: $("zoom-level"),
  find: $("find"),
  findings: $("findings"),
  findingsToggle: $("findings-toggle"),
  findingsCount: $("findings-count"),
  spreads: $("spreads"),
  print: $("print-profile"),
  source: $("source"),
};

let current; // { key, view } for an edition, { stop } for the index

function parse(hash) {
  const m = /^#\/(\d{4}-(?:0[1-9]|1[0-2]))\/(fr|en)(?:\?(.*))?$/.exec(hash);
  if (!m) return undefined;
  const q = new URLSearchParams(m[3] ?? "");
  return {
    target: { id: m[1], language: m[2], ...(q.get("profile") === "print" && { profile: "print" }) },
    options: {
      view: q.get("view") === "page" ? "page" : "grid",
      page: Math.max(1, Number.parseInt(q.get("page") ?? "1", 10) || 1),
      outlines: q.get("outlines") === "1",
      zoom: parseZoom(q.get("zoom") ?? undefined),
      findings: q.get("findings") !== "0",
      spreads: q.get("spreads") === "1",
      source: Number.parseInt(q.get("source") ?? "", 10) || undefined,
    },
  };
}

function hashFor(target, options) {
  const q = new URLSearchParams();
  if (target.profile === "print") q.set("profile", "print");
  if (options.view === "page") q.set("view", "page");
  if (options.page > 1) q.set("page", String(options.page));
  if (options.outlines) q.set("outlines", "1");
  if (options.zoom !== "page") q.set("zoom", String(options.zoom));
  if (!options.findings) q.set("findings", "0");
  if (options.spreads) q.set("spreads", "1");
  if (options.source) q.set("source", String(options.source));
  const query = q.toString();
  return `#/${target.id}/${target.language}${query ? `?${query}` : ""}`;
}

/** Change the view without a new history entry per page turn. */
function navigate(options) {
  if (!current?.view) return;
  history.replaceState(null, "", hashFor(current.view.target, options));
  current.view.setOptions(options);
}

function route() {
  const parsed = parse(location.hash);
  const key = parsed && `${parsed.target.id}/${parsed.target.language}/${parsed.target.profile ?? "digital"}`;
  if (current?.key && current.key === key) return current.view.setOptions(parsed.options);
  current?.view?.stop();
  current?.stop?.();
  window.scrollTo(0, 0);
  if (!parsed) {
    ui.main.replaceChildren();
    current = { stop: showIndex(ui.main, ui.status) };
    return;
  }
  ui.main.replaceChildren();
  const view = new EditionView(parsed.target, ui, navigate);
  current = { key, view };
  view.start(parsed.options);
}

ui.viewGrid.addEventListener("click", () => navigate({ ...current.view.options, view: "grid" }));
ui.viewPage.addEventListener("click", () => navigate({ ...current.view.options, view: "page" }));
ui.prev.addEventListener("click", () => turn(-1));
ui.next.addEventListener("click", () => turn(1));
ui.zoom.addEventListener("change", () => navigate({ ...current.view.options, view: "page", zoom: parseZoom(ui.zoom.value) }));
$("zoom-in").addEventListener("click", () => current.view.zoomBy(1));
$("zoom-out").addEventListener("click", () => current.view.zoomBy(-1));
ui.find.addEventListener("keydown", (e) => {
  if (e.key === "Enter") current?.view?.find(ui.find.value, e.shiftKey ? -1 : 1);
  else if (e.key === "Escape") ui.find.blur();
});
ui.outlines.addEventListener("change", () => navigate({ ...current.view.options, outlines: ui.outlines.checked }));
ui.spreads.addEventListener("change", () => navigate({ ...current.view.options, view: "page", spreads: ui.spreads.checked }));
ui.print.addEventListener("change", () => switchProfile(ui.print.checked));
ui.findingsToggle.addEventListener("change", () => navigate({ ...current.view.options, findings: ui.findingsToggle.checked }));

/** The print profile is another render of the edition: a new address, the same view and page. */
function switchProfile(print) {
  const view = current?.view;
  if (!view) return;
  const target = { id: view.target.id, language: view.target.language, ...(print && { profile: "print" }) };
  location.hash = hashFor(target, view.options);
}

function turn(delta) {
  const view = current?.view;
  if (!view) return;
  // In spreads, a turn goes to the next (or previous) pair of facing pages.
  const shown = view.options.spreads ? view.spreadOf(view.options.page, view.pageCount() || 1) : [view.options.page];
  const from = delta > 0 ? shown[shown.length - 1] : shown[0];
  const page = Math.min(Math.max(1, from + delta), view.pageCount() || 1);
  navigate({ ...view.options, view: "page", page });
}

document.addEventListener("keydown", (e) => {
  const view = current?.view;
  if (!view || e.altKey || e.ctrlKey || e.metaKey || e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
  if (e.key === "g" || e.key === "G") navigate({ ...view.options, view: view.options.view === "grid" ? "page" : "grid" });
  else if (e.key === "o" || e.key === "O") navigate({ ...view.options, outlines: !view.options.outlines });
  else if (e.key === "p" || e.key === "P") navigate({ ...view.options, findings: !view.options.findings });
  else if (e.key === "s" || e.key === "S") navigate({ ...view.options, view: "page", spreads: !view.options.spreads });
  else if (e.key === "r" || e.key === "R") switchProfile(view.target.profile !== "print");
  else if (e.key === "+" || e.key === "=") view.zoomBy(1);
  else if (e.key === "-") view.zoomBy(-1);
  else if (e.key === "0") navigate({ ...view.options, view: "page", zoom: 100 });
  else if (e.key === "w" || e.key === "W") navigate({ ...view.options, view: "page", zoom: "width" });
  else if (e.key === "f" || e.key === "F") navigate({ ...view.options, view: "page", zoom: "page" });
  else if (e.key === "/") ui.find.focus();
  else if (e.key === "Escape") ui.source.hidden = true;
  else if (view.options.view === "page" && (e.key === "ArrowLeft" || e.key === "PageUp")) turn(-1);
  else if (view.options.view === "page" && (e.key === "ArrowRight" || e.key === "PageDown")) turn(1);
  else return;
  e.preventDefault();
});

window.addEventListener("hashchange", route);
route();
