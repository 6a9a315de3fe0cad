// Pages of elements, the way Chromium knows them: a hidden link to each one
// makes Chromium write a named destination (page and position) for it in the
// next print. Each element gets a fresh id for that print (two elements may
// share an id, which is one of the faults being looked for); "remove" puts
// everything back as it was.
(mode, keys) => {
  if (mode === "remove") {
    for (const nav of document.querySelectorAll("[data-preflight-probe]")) nav.remove();
    for (const el of document.querySelectorAll("[data-preflight-id]")) {
      const was = el.getAttribute("data-preflight-id");
      if (was) el.id = was;
      else el.removeAttribute("id");
      el.removeAttribute("data-preflight-id");
    }
    return 0;
  }
  const nav = document.createElement("nav");
  nav.setAttribute("data-preflight-probe", "");
  nav.style.display = "none";
  let placed = 0;
  for (const key of keys) {
    const el = document.querySelector(`[data-preflight="${key}"]`);
    if (!el) continue;
    if (!el.hasAttribute("data-preflight-id")) el.setAttribute("data-preflight-id", el.id);
    el.id = `preflight-probe-${key}`;
    const a = document.createElement("a");
    a.href = `#${el.id}`;
    nav.append(a);
    placed++;
  }
  document.body.append(nav);
  return placed;
};
