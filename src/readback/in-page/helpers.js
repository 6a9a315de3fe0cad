// Helpers for the in-page preflight scripts. These files are evaluated as they
// are in the printed page (page.evaluate of their source), never bundled: a
// bundler's helpers (__name, …) would not exist there. Each file is one
// expression; inspect-page.ts puts them together.
(options) => {
  let next = document.querySelectorAll("[data-preflight]").length;
  const PAPER = {
    a5: ["148mm", "210mm"],
    a4: ["210mm", "297mm"],
    a3: ["297mm", "420mm"],
    b5: ["176mm", "250mm"],
    b4: ["250mm", "353mm"],
    letter: ["8.5in", "11in"],
    legal: ["8.5in", "14in"],
    ledger: ["11in", "17in"],
  };
  const probe = document.createElement("div");
  probe.style.cssText = "position:absolute;left:0;top:0;height:0;visibility:hidden";

  /**
   * Splits "calc(1mm + 2px) 297mm" at the spaces outside parentheses. The same as
   * cssTokens() in page-rules.ts, repeated because this runs in the page and imports nothing.
   */
  const tokens = (value) => {
    const out = [];
    let depth = 0;
    let cur = "";
    for (const ch of value.trim()) {
      if (ch === "(") depth++;
      if (ch === ")") depth--;
      if (/\s/.test(ch) && depth === 0) {
        if (cur) out.push(cur);
        cur = "";
      } else cur += ch;
    }
    if (cur) out.push(cur);
    return out;
  };

  const h = {
    options,
    /** A stable handle on an element, so Node can ask for its page later. */
    key(el) {
      let k = el.getAttribute("data-preflight");
      if (!k) {
        k = String(++next);
        el.setAttribute("data-preflight", k);
      }
      return k;
    },
    describe(el) {
      const parts = [];
      for (let e = el; e && e !== document.body && e !== document.documentElement && parts.length < 3; e = e.parentElement) {
        let s = e.localName;
        if (e.id) {
          parts.unshift(`${s}#${e.id}`);
          break;
        }
        const classes = [...e.classList].filter((c) => !c.startsWith("preflight")).slice(0, 2);
        if (classes.length) s += `.${classes.join(".")}`;
        parts.unshift(s);
      }
      return parts.join(" > ") || el.localName;
    },
    /** The heading of the section the element sits in. */
    section(el) {
      const section = el.closest("section");
      const heading = section?.querySelector("h1, h2, h3");
      const text = (heading?.textContent ?? "")
        .replace(/\u00ad/g, "")
        .replace(/\s+/g, " ")
        .trim();
      return text || undefined;
    },
    snippet(text, length = 48) {
      const t = text
        .replace(/\u00ad/g, "")
        .replace(/\s+/g, " ")
        .trim();
      return t.length > length ? `${t.slice(0, length - 1)}…` : t;
    },
    finding(rule, severity, el, message) {
      return {
        rule,
        severity,
        key: el ? h.key(el) : undefined,
        element: el ? h.describe(el) : "document",
        section: el ? h.section(el) : undefined,
        message,
      };
    },
    mm(px) {
      return ((px * 25.4) / 96).toFixed(1);
    },
    /** CSS length (calc() too) in px, as the page resolves it. */
    px(value) {
      document.body.append(probe);
      probe.style.width = value;
      const w = probe.getBoundingClientRect().width;
      probe.remove();
      return w;
    },
    /** Hidden, or inside something hidden from everyone (aria-hidden is for screen readers only). */
    rendered(el) {
      const r = el.getClientRects();
      return r.length > 0 && getComputedStyle(el).visibility !== "hidden";
    },
    /** The named page (CSS `page`) an element prints on; "" for the default page. */
    pageName(el) {
      for (let e = el; e; e = e.parentElement) {
        const name = getComputedStyle(e).page;
        if (name && name !== "auto") return name;
      }
      return "";
    },
    /**
     * Page boxes from the @page rules (read by Node, options.pageRules): size
     * and margins in px, per page name. Chromium rounds page margins to whole
     * CSS pixels when it prints; so do we.
     */
    geometry() {
      const declared = options.pageRules ?? {};
      const resolve = (name) => {
        const d = { ...(declared[""] ?? {}), ...(declared[name] ?? {}) };
        const t = tokens(d.size ?? "a4").map((x) => x.toLowerCase());
        let [w, ht] = PAPER.a4;
        const paper = t.find((x) => PAPER[x]);
        const lengths = t.filter((x) => !PAPER[x] && x !== "portrait" && x !== "landscape" && x !== "auto");
        if (paper) [w, ht] = PAPER[paper];
        else if (lengths.length) [w, ht] = [lengths[0], lengths[1] ?? lengths[0]];
        let width = h.px(w);
        let height = h.px(ht);
        if (t.includes("landscape")) [width, height] = [Math.max(width, height), Math.min(width, height)];
        const m = (side) => Math.round(h.px(d[`margin-${side}`] ?? "0"));
        return { width, height, margins: { top: m("top"), right: m("right"), bottom: m("bottom"), left: m("left") } };
      };
      const pages = {};
      for (const name of new Set(["", ...Object.keys(declared).filter((n) => /^[a-z][\w-]*$/i.test(n))])) pages[name] = resolve(name);
      const bleed = h.px("var(--bleed, 0px)");
      return { pages, bleed };
    },
    /** Every text node with something printable, under `root`. */
    textNodes(root = document.body) {
      const out = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!/\S/.test(n.data)) continue;
        const parent = n.parentElement;
        if (!parent || ["STYLE", "SCRIPT", "TITLE", "title", "desc"].includes(parent.tagName)) continue;
        if (parent.closest("[data-preflight-probe]")) continue;
        out.push(n);
      }
      return out;
    },
    rectsOf(node) {
      const range = document.createRange();
      range.selectNodeContents(node);
      return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    },
  };
  return h;
};
