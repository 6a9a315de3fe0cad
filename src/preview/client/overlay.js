// The error panel: what failed, where (file:line:column), and the lines around
// it. Every string is inserted with textContent: manifest and template text in
// a message or a code frame can never become markup here.

const TITLES = { manifest: "Manifest problem", template: "Template error", render: "Render failed" };

function node(tag, className, text) {
  const n = document.createElement(tag);
  if (className) n.className = className;
  if (text !== undefined) n.textContent = text;
  return n;
}

export function showProblems(panel, failure, lastGoodVersion) {
  const count = failure.problems.length;
  panel.replaceChildren(node("h2", "", `${TITLES[failure.kind] ?? "Problem"}${count > 1 ? `s (${count})` : ""}`));
  for (const p of failure.problems) {
    const item = node("article", "problem");
    if (p.file) item.append(node("p", "where", `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""}`));
    const message = node("p", "message");
    if (p.path) message.append(node("span", "path", p.path), ": ");
    message.append(p.message);
    item.append(message);
    if (p.frame) item.append(node("pre", "frame", p.frame));
    panel.append(item);
  }
  panel.append(
    node(
      "p",
      "hint",
      lastGoodVersion
        ? `Below: the last good pages (render ${lastGoodVersion}). Save a fix and this panel goes away.`
        : "No good render yet. Save a fix and the pages appear.",
    ),
  );
  panel.hidden = false;
  document.body.classList.add("has-problems");
  document.documentElement.dataset.problems = String(count);
}

export function clearProblems(panel) {
  panel.hidden = true;
  panel.replaceChildren();
  document.body.classList.remove("has-problems");
  delete document.documentElement.dataset.problems;
}
