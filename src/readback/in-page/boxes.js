// The laid-out size (CSS px) and @page name of each element a finding names
// (options.keys: their data-preflight handles), for the box the preview draws
// on the page. An element whose content runs out of it is measured as far as
// the content reaches: that is what the finding is about.
(h) => {
  const out = {};
  for (const key of h.options.keys ?? []) {
    const el = document.querySelector(`[data-preflight="${key}"]`);
    if (!el) continue;
    const r = el.getBoundingClientRect();
    out[key] = [Math.max(r.width, el.scrollWidth), Math.max(r.height, el.scrollHeight), h.pageName(el)];
  }
  return out;
};
