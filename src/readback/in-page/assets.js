// Images and fonts as the page loaded them: what failed, and the resolution
// of each raster image at the size it prints (CSS px are 1/96 in).
(h) => {
  const findings = [];
  const blocked = new Set(h.options.blockedRequests ?? []);
  const reported = new Set(blocked); // a refused request is reported as such, below
  // Project files by their place in the project, not the temporary folder they were printed from.
  const shown = (url) => url.replace(/^file:\/\/.*?\/(assets|templates|node_modules)\//, "$1/");
  for (const img of document.images) {
    if (img.closest("[data-preflight-probe]")) continue;
    const src = img.currentSrc || img.getAttribute("src") || "";
    if (!img.complete || img.naturalWidth === 0) {
      if (!reported.has(src)) findings.push(h.finding("asset-failed", "error", img, `image did not load: ${shown(src) || "(no src)"}`));
      reported.add(src);
      continue;
    }
    if (/\.svg([?#]|$)/i.test(src) || /^data:image\/svg/i.test(src) || !h.rendered(img)) continue;
    const r = img.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    const dpi = Math.min(img.naturalWidth / (r.width / 96), img.naturalHeight / (r.height / 96));
    if (dpi >= 300) continue;
    findings.push(
      h.finding(
        "image-resolution",
        dpi < 150 ? "error" : "warning",
        img,
        `prints at ${Math.round(dpi)} dpi (${img.naturalWidth} × ${img.naturalHeight} px over ${h.mm(r.width)} × ${h.mm(r.height)} mm); print needs 300`,
      ),
    );
  }
  for (const face of document.fonts)
    if (face.status === "error")
      findings.push(h.finding("asset-failed", "error", null, `font ${face.family} ${face.weight} ${face.style} failed to load`));

  // Requests the loader saw fail: name the element that asked, when there is one.
  const users = (url) =>
    [...document.querySelectorAll("[src], link[href], image, use")].find(
      (el) => el.src === url || el.href === url || el.getAttribute("href") === url || el.href?.baseVal === url,
    );
  for (const { url, error } of h.options.failedRequests ?? []) {
    if (reported.has(url)) continue;
    const el = users(url);
    findings.push(h.finding("asset-failed", "error", el ?? null, `${shown(url)} failed to load (${error})`));
  }
  for (const url of h.options.blockedRequests ?? []) {
    const el = users(url);
    findings.push(h.finding("asset-blocked", "warning", el ?? null, `request refused, it leaves the project: ${url}`));
  }
  return { findings };
};
