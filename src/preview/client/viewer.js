// One edition as it prints: the PDF from the preview's build(), painted by
// pdf.js as a grid of pages or one page at a time. New renders arrive as
// Server-Sent Events; the new pages are painted off-screen and swapped in,
// keeping the view, the page and the scroll position.
import * as pdfjs from "/vendor/pdf.min.mjs";
import { findingBoxes, flashFinding, showFindings } from "./findings.js";
import { drawGuides } from "./guides.js";
import { clearProblems, showProblems } from "./overlay.js";
import { askSource, lineOfSpan, showSource, wordsToFind } from "./source.js";
import { countPages, findPage, markMatches, pageTexts, textLayer } from "./text-layer.js";
import { percentOf, readingPoint, restoreReadingPoint, stepZoom, zoomScale } from "./zoom.js";

pdfjs.GlobalWorkerOptions.workerSrc = "/vendor/pdf.worker.min.mjs";

const PT_TO_MM = 25.4 / 72;
const THUMB_WIDTH = 250;

// One worker for every PDF this tab opens: starting a worker per document
// costs ~200 ms (the 1 MB worker script is compiled each time), a third of a refresh.
let worker;

async function openPdf(url) {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const data = new Uint8Array(await response.arrayBuffer());
  worker ??= new pdfjs.PDFWorker();
  // No eval, no WebAssembly, no XFA, no scripting: the page's CSP allows none of them.
  return pdfjs.getDocument({ data, worker, useWasm: false, enableXfa: false }).promise;
}

export class EditionView {
  constructor(target, ui, navigate) {
    this.target = target;
    this.ui = ui;
    this.navigate = navigate;
    this.options = { view: "grid", page: 1, outlines: false, zoom: "page", findings: true, spreads: false, source: undefined };
    /** The search box's words, and every page's text (read once per render). */
    this.query = "";
    this.texts = undefined;
    this.snapshot = undefined;
    this.doc = undefined;
    this.docVersion = 0;
    this.wantedVersion = 0;
    this.busy = false;
    this.again = false;
    /** The findings of the render shown (not of one still being fetched). */
    this.findings = [];
  }

  start(options) {
    const { id, language } = this.target;
    const print = this.target.profile === "print";
    // The same query for the PDF and the events: the print profile is a target of its own.
    this.profileQuery = print ? "&profile=print" : "";
    this.ui.editionName.textContent = `${id} · ${language}${print ? " · print" : ""}`;
    this.ui.pdfLink.href = `/pdf/${id}/${language}.pdf${print ? "?profile=print" : ""}`;
    this.ui.controls.hidden = false;
    this.status("Connecting…", "busy");
    this.setOptions(options);
    this.events = new EventSource(`/events?edition=${id}&lang=${language}${this.profileQuery}`);
    this.events.addEventListener("state", (e) => this.onSnapshot(JSON.parse(e.data)));
    this.events.addEventListener("rendered", (e) => {
      // With shownAt below, splits a save-to-screen time into server and client parts.
      document.documentElement.dataset.receivedAt = String(Date.now());
      this.onSnapshot(JSON.parse(e.data));
    });
    this.events.addEventListener("failed", (e) => this.onSnapshot(JSON.parse(e.data)));
    this.events.addEventListener("rendering", () => this.status("Rendering…", "busy"));
    // EventSource reconnects by itself; the server then sends the state again.
    this.events.onerror = () => this.status("Preview server unreachable, retrying…", "bad");
    // Page view fits the window: when it is resized, the page is fitted again.
    this.onResize = () => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => {
        if (this.options.view === "page" && typeof this.options.zoom === "string" && this.doc) this.refresh();
      }, 150);
    };
    window.addEventListener("resize", this.onResize);
  }

  stop() {
    window.removeEventListener("resize", this.onResize);
    this.events?.close();
    this.doc?.loadingTask.destroy();
    this.doc = undefined;
    this.ui.controls.hidden = true;
    this.ui.findings.hidden = true;
    this.ui.source.hidden = true;
    document.body.classList.remove("has-findings");
    clearProblems(this.ui.problems);
  }

  setOptions(options) {
    const zoomed = options.view === "page" && this.options.view === "page" && options.zoom !== this.options.zoom;
    const redraw =
      options.view !== this.options.view ||
      (options.view === "page" && (options.page !== this.options.page || zoomed || options.spreads !== this.options.spreads));
    // A new zoom keeps the words at the middle of the window there; a new page starts at its top.
    this.keep =
      zoomed && options.page === this.options.page ? readingPoint(this.ui.main.querySelector(".sheets.single .paper")) : undefined;
    this.options = { ...options };
    this.ui.main.classList.toggle("outlines", options.outlines);
    this.ui.findings.hidden = !options.findings;
    this.ui.findingsToggle.checked = options.findings;
    this.ui.spreads.checked = options.spreads;
    this.ui.print.checked = this.target.profile === "print";
    document.body.classList.toggle("has-findings", options.findings);
    this.ui.outlines.checked = options.outlines;
    this.ui.viewGrid.setAttribute("aria-pressed", String(options.view === "grid"));
    this.ui.viewPage.setAttribute("aria-pressed", String(options.view === "page"));
    this.updatePager();
    if (options.view === "grid") this.markCurrent();
    if (redraw && this.doc) this.refresh();
    if (options.source !== this.sourceShown) this.goToSource();
  }

  onSnapshot(s) {
    this.snapshot = { ...this.snapshot, ...s };
    if (s.failure) {
      showProblems(this.ui.problems, s.failure, s.version);
      const n = s.failure.problems.length;
      this.status(`✗ ${n} problem${n > 1 ? "s" : ""}`, "bad");
    } else {
      clearProblems(this.ui.problems);
      if (s.version && s.settled === false)
        this.status(`First print · ${s.pages} pages · ${(s.ms / 1000).toFixed(1)} s · settling…`, "busy");
      else if (s.rendering) this.status("Rendering…", "busy");
      else if (s.version) this.status(`Render ${s.version} · ${s.pages} pages · ${(s.ms / 1000).toFixed(1)} s`, "");
    }
    if (s.version && s.version !== this.docVersion) {
      this.wantedVersion = s.version;
      this.refresh();
    }
  }

  /** Load the newest PDF and paint the view; calls during a refresh make exactly one more. */
  async refresh() {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = true;
    try {
      do {
        this.again = false;
        await this.update();
      } while (this.again);
    } catch (err) {
      this.status(`Could not show the pages: ${err.message}`, "bad");
    } finally {
      this.busy = false;
    }
  }

  async update() {
    const wanted = this.wantedVersion;
    if (wanted && wanted !== this.docVersion) {
      const { id, language } = this.target;
      const doc = await openPdf(`/pdf/${id}/${language}.pdf?v=${wanted}${this.profileQuery}`);
      const old = this.doc;
      const before = { hashes: this.hashes, findings: this.findings, boxes: this.boxes };
      this.doc = doc;
      this.docVersion = wanted;
      this.settled = this.snapshot?.settled !== false;
      this.hashes = this.snapshot?.pageHashes;
      this.texts = undefined;
      this.findings = this.snapshot?.findings ?? [];
      // A first print's boxes would sit where the last build put its elements: drawn once it settles.
      this.boxes = this.settled;
      await this.paint(this.changedPages(before));
      this.listFindings();
      await this.goToSource();
      old?.loadingTask.destroy();
    } else if (this.doc) await this.paint();
  }

  /**
   * The pages of the new render that look other than on screen: a new
   * drawing (its fingerprint, page-hashes.ts), other findings, or boxes shown
   * or hidden. Undefined when any page may have changed (no fingerprints, a
   * new page count).
   */
  changedPages(before) {
    const hashes = this.hashes;
    if (!hashes || !before.hashes || hashes.length !== before.hashes.length) return undefined;
    const of = (findings, n) => JSON.stringify(findings.filter((f) => f.page === n));
    const changed = new Set();
    for (let n = 1; n <= hashes.length; n++) {
      const mine = of(this.findings, n);
      const boxes = (this.boxes && mine !== "[]") || (before.boxes && of(before.findings, n) !== "[]");
      if (hashes[n - 1] !== before.hashes[n - 1] || (boxes && (mine !== of(before.findings, n) || this.boxes !== before.boxes)))
        changed.add(n);
    }
    return changed;
  }

  /** Paint the view; with `changed`, only the pages in it are painted again (the others are the same picture). */
  async paint(changed) {
    const doc = this.doc;
    const grid = this.options.view === "grid";
    const page = Math.min(Math.max(1, this.options.page), doc.numPages);
    if (page !== this.options.page) this.navigate({ ...this.options, page });
    const current = this.ui.main.querySelector(".sheets");
    const shown = current && [...current.children].map((f) => Number(f.dataset.page));
    const same = grid ? current?.classList.contains("grid") && shown.length === doc.numPages : current?.classList.contains("single");
    if (changed && same && (grid || shown.join() === this.spreadOf(page, doc.numPages).join())) {
      if (grid) await this.repaintGrid(doc, current, changed);
      else {
        await Promise.all(
          [...current.children]
            .filter((f) => changed.has(Number(f.dataset.page)))
            .map(async (f) => f.replaceWith(await this.sheet(doc, Number(f.dataset.page), false, true))),
        );
        this.stamp();
      }
    } else if (grid && same) await this.repaintGrid(doc, current);
    else await this.rebuild(doc, grid, page);
    this.updatePager();
    if (grid) this.markCurrent();
  }

  /** A new layout (first paint, other view, other page count): painted off-screen, swapped in at once. */
  async rebuild(doc, grid, page) {
    const sheets = document.createElement("div");
    sheets.className = `sheets ${grid ? "grid" : "single"}`;
    const numbers = grid ? Array.from({ length: doc.numPages }, (_, i) => i + 1) : this.spreadOf(page, doc.numPages);
    if (!grid && numbers.length > 1) sheets.classList.add("spread");
    // All at once: the pdf.js worker prepares the next pages while this thread paints.
    sheets.append(...(await Promise.all(numbers.map((n) => this.sheet(doc, n, grid)))));
    const y = window.scrollY;
    const x = window.scrollX;
    this.ui.main.replaceChildren(sheets);
    window.scrollTo(x, y);
    if (!grid && this.keep) restoreReadingPoint(sheets.querySelector(".paper"), this.keep);
    this.keep = undefined;
    if (!grid && this.query) markMatches(sheets, this.query)?.scrollIntoView({ block: "center", inline: "nearest" });
    if (!grid && this.flash !== undefined) flashFinding(sheets, this.flash);
    this.flash = undefined;
    this.stamp();
  }

  /**
   * Same grid, new pages: the pages in view are repainted first, each swapped
   * in place, so the designer sees the change without waiting for the pages
   * below the fold; those follow, unless a newer render has arrived meanwhile.
   */
  async repaintGrid(doc, sheets, changed) {
    const figures = [...sheets.children].filter((f) => !changed || changed.has(Number(f.dataset.page)));
    const inView = (f) => {
      const r = f.getBoundingClientRect();
      return r.bottom > 0 && r.top < window.innerHeight;
    };
    const first = figures.filter(inView);
    await Promise.all(first.map(async (f) => f.replaceWith(await this.sheet(doc, Number(f.dataset.page), true))));
    this.stamp();
    for (const f of figures.filter((f) => !first.includes(f))) {
      if (this.again) return;
      f.replaceWith(await this.sheet(doc, Number(f.dataset.page), true));
    }
  }

  /** Read by the end-to-end test and by scripts/measure-preview.ts. */
  stamp() {
    const d = document.documentElement.dataset;
    d.shownVersion = String(this.docVersion);
    d.shownAt = String(Date.now());
    // Pages painted for this render: what "only the changed pages" is checked by.
    d.paintedPages = (this.painted ?? []).join(" ");
    this.painted = [];
    if (this.settled) {
      d.settledVersion = String(this.docVersion);
      d.settledAt = d.shownAt;
    }
  }

  /** A page drawn; `deferText`: its text layer follows the picture instead of holding it back (a save's repaint). */
  async sheet(doc, n, grid, deferText = false) {
    const page = await doc.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const scale = grid ? THUMB_WIDTH / base.width : zoomScale(this.options.zoom, base, this.room());
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const paper = document.createElement("div");
    paper.className = "paper";
    paper.style.width = `${Math.round(base.width * scale)}px`;
    paper.style.height = `${Math.round(base.height * scale)}px`;
    canvas.style.width = paper.style.width;
    canvas.style.height = paper.style.height;
    // pdf.js's layers size themselves from these (web/pdf_viewer.css).
    paper.style.setProperty("--total-scale-factor", String(scale));
    paper.style.setProperty("--scale-round-x", "1px");
    paper.style.setProperty("--scale-round-y", "1px");
    // The text layer on the page shown: thumbnails stay a picture (and cheap).
    const drawn = page.render({ canvas, viewport }).promise;
    const texts = grid ? undefined : textLayer(page, scale);
    const [, text] = await Promise.all([drawn, deferText ? undefined : texts]);
    paper.append(canvas);
    if (text) paper.append(text);
    else if (texts)
      texts.then(
        (t) => {
          canvas.after(t);
          if (this.query) markMatches(paper, this.query);
          page.cleanup();
        },
        () => {},
      );
    if (!grid) this.showZoom(scale);
    const s = this.snapshot;
    if (s?.geometry)
      paper.append(drawGuides(base.width * PT_TO_MM, base.height * PT_TO_MM, s.geometry, s.coverPages?.includes(n - 1), s.trim));
    this.painted ??= [];
    this.painted.push(n);
    const boxes = this.boxes === false ? undefined : findingBoxes(this.findings, n, page.getViewport({ scale }));
    if (boxes) paper.append(boxes);
    const figure = document.createElement("figure");
    figure.className = "sheet";
    figure.dataset.page = String(n);
    const caption = document.createElement("figcaption");
    const label = s?.pageLabels?.[n - 1];
    caption.textContent = label && label !== String(n) ? `${n} · ${label}` : String(n);
    figure.append(paper, caption);
    if (grid) paper.addEventListener("click", () => this.navigate({ ...this.options, view: "page", page: n }));
    // A click on a line of text (not the end of a selection) names its source.
    else
      paper.addEventListener("click", (e) => {
        const span = e.target instanceof Element ? e.target.closest(".textLayer span") : null;
        if (span && window.getSelection()?.isCollapsed !== false) this.showSourceOf(span);
      });
    if (!deferText) page.cleanup();
    return figure;
  }

  /**
   * The pages shown together in page view: one, or with spreads on, the two
   * facing pages as they are bound (page 1, a recto, alone; then 2–3, 4–5…;
   * a last even page alone).
   */
  spreadOf(page, total) {
    if (!this.options.spreads || page === 1) return [page];
    const left = page % 2 === 0 ? page : page - 1;
    return left + 1 <= total ? [left, left + 1] : [left];
  }

  /** The room a fitted page has: the window below the toolbar, less the margins (half of it each, in a spread). */
  room() {
    const width = this.ui.main.clientWidth - 48;
    return {
      height: window.innerHeight - this.ui.main.getBoundingClientRect().top - window.scrollY - 60,
      width: this.options.spreads && this.options.view === "page" ? width / 2 - 4 : width,
    };
  }

  showZoom(scale) {
    const z = this.options.zoom;
    this.shownPercent = percentOf(scale);
    this.ui.zoom.value = typeof z === "string" ? z : String(z);
    this.ui.zoomLevel.textContent = `${this.shownPercent} %`;
    document.documentElement.dataset.zoom = String(this.shownPercent);
  }

  /** +1 / −1 a step from what is shown (a fitted page too), in page view. */
  zoomBy(direction) {
    const from = this.shownPercent ?? 100;
    this.navigate({ ...this.options, view: "page", zoom: stepZoom(from, direction) });
  }

  /**
   * The search box: the next page (or the previous one) whose text has the
   * words, shown in page view with the words marked.
   */
  async find(query, direction = 1) {
    this.query = query;
    if (!this.doc || !query.trim()) {
      for (const s of this.ui.main.querySelectorAll(".textLayer")) markMatches(s, "");
      return;
    }
    this.texts ??= await pageTexts(this.doc);
    const here = this.options.view === "page" ? this.options.page : 0;
    // A new query looks at the page shown first; the same one again goes on from it.
    const from = this.foundQuery === query ? here || 1 : (here || 1) - direction;
    const n = findPage(this.texts, query, from, direction);
    this.foundQuery = query;
    if (!n) {
      this.status(`“${query}”: not in this edition`, "bad");
      return;
    }
    this.status(`“${query}”: page ${n} (on ${countPages(this.texts, query)} pages)`, "");
    document.documentElement.dataset.foundPage = String(n);
    if (this.options.view === "page" && n === this.options.page)
      markMatches(this.ui.main, query)?.scrollIntoView({ block: "center", inline: "nearest" });
    else this.navigate({ ...this.options, view: "page", page: n });
  }

  async showSourceOf(span) {
    const printed = lineOfSpan(span);
    try {
      showSource(this.ui.source, printed, await askSource(this.target, { text: printed }));
    } catch (err) {
      this.status(`Could not find the source: ${err.message}`, "bad");
    }
  }

  /** `&source=LINE`: the text of that manifest line, found on the pages (once per line asked). */
  async goToSource() {
    const line = this.options.source;
    if (!line || line === this.sourceShown || !this.doc) return;
    this.sourceShown = line;
    const found = await askSource(this.target, { line: String(line) }).catch(() => null);
    const words = found ? wordsToFind(found.text) : "";
    if (!words) {
      this.status(`Line ${line} of the manifest: no text to find on the pages`, "bad");
      return;
    }
    this.ui.find.value = words;
    await this.find(words);
    document.documentElement.dataset.sourceLine = String(line);
  }

  /** The findings panel, for the render shown; a finding's line opens its page with its box flashing. */
  listFindings() {
    // Below the toolbar, whose height depends on how it wraps.
    // (A short "nothing found" sits in a corner instead: its place is the stylesheet's.)
    this.ui.findings.style.top = this.findings.length ? `${document.querySelector(".bar")?.getBoundingClientRect().bottom ?? 45}px` : "";
    showFindings(this.ui.findings, this.findings, (f, i) => {
      this.flash = i;
      if (this.options.view === "page" && this.options.page === f.page) {
        flashFinding(this.ui.main, i);
        this.flash = undefined;
      } else this.navigate({ ...this.options, view: "page", page: f.page });
    });
    const n = this.findings.length;
    this.ui.findingsCount.textContent = n ? String(n) : "";
    this.ui.findingsCount.className = `count${this.findings.some((f) => f.refused) ? " refused" : n ? " warning" : ""}`;
  }

  updatePager() {
    const total = this.doc?.numPages ?? 0;
    const { view, page } = this.options;
    this.ui.pageIndicator.textContent = total ? `${page} / ${total}` : "–";
    this.ui.prev.disabled = view !== "page" || page <= 1;
    this.ui.next.disabled = view !== "page" || page >= total;
    document.documentElement.dataset.page = String(page);
    document.documentElement.dataset.view = view;
  }

  markCurrent() {
    for (const f of this.ui.main.querySelectorAll(".sheet")) f.classList.toggle("current", f.dataset.page === String(this.options.page));
  }

  pageCount() {
    return this.doc?.numPages ?? 0;
  }

  status(text, kind) {
    this.ui.status.textContent = text;
    this.ui.status.className = `status ${kind}`;
  }
}
