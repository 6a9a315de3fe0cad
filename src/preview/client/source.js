// From the page to the source: a click on a line of text (page view) asks the
// server where its words come from, and a panel shows the manifest's
// file:line:column, the template partial and the stylesheet rules of its
// section, each a link that opens VS Code there. And back: `&source=LINE` in
// the address finds the text of that manifest line on the pages. Every string
// is set with textContent.

function node(tag, className, text) {
  const n = document.createElement(tag);
  if (className) n.className = className;
  if (text !== undefined) n.textContent = text;
  return n;
}

/** The printed line a text-layer span belongs to: the spans at the same height, left to right. */
export function lineOfSpan(span) {
  const top = span.getBoundingClientRect().top;
  const same = [...span.parentElement.querySelectorAll("span")].filter(
    (s) => !s.children.length && Math.abs(s.getBoundingClientRect().top - top) < 2,
  );
  const left = span.getBoundingClientRect().left;
  // One column only: spans further than a column gap from their neighbour start another.
  same.sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
  const runs = [];
  for (const s of same) {
    const last = runs.at(-1)?.at(-1);
    if (last && s.getBoundingClientRect().left - last.getBoundingClientRect().right > 20) runs.push([s]);
    else if (last) runs.at(-1).push(s);
    else runs.push([s]);
  }
  const run = runs.find((r) => r.some((s) => s.getBoundingClientRect().left <= left + 0.5 && s.getBoundingClientRect().right >= left)) ?? [
    span,
  ];
  return run.map((s) => s.textContent).join("");
}

function linkTo(place, label) {
  const a = node("a", "source-link", label ?? `${place.file}:${place.line}:${place.column}`);
  a.href = place.vscode;
  a.title = "Open in VS Code";
  return a;
}

/** The panel for what the server found (or did not find) for a printed line. */
export function showSource(panel, printed, found) {
  const close = node("button", "source-close", "×");
  close.type = "button";
  close.title = "Close (Esc)";
  close.addEventListener("click", () => {
    panel.hidden = true;
  });
  const parts = [close, node("h2", "", "Source"), node("p", "source-printed", `“${printed.trim()}”`)];
  if (!found)
    parts.push(node("p", "source-none", "Not from the manifest: a label, the template's own text, or data shown in a table or chart."));
  else {
    const m = node("p", "source-manifest");
    m.append(node("span", "source-kind", "Manifest "), linkTo(found.manifest), node("span", "source-path", ` ${found.manifest.path}`));
    parts.push(m);
    if (found.partial) {
      const p = node("p", "source-partial");
      p.append(
        node("span", "source-kind", "Template "),
        linkTo(found.partial),
        node("span", "source-path", ` section “${found.partial.section}”`),
      );
      parts.push(p);
    }
    if (found.css.length) {
      const list = node("ul", "source-css");
      for (const rule of found.css) {
        const li = node("li");
        li.append(linkTo(rule, `${rule.file}:${rule.line}`), node("code", "", ` ${rule.selector}`));
        list.append(li);
      }
      parts.push(node("p", "source-kind", "Stylesheet rules of the section’s classes"), list);
    }
  }
  panel.replaceChildren(...parts);
  panel.hidden = false;
  document.documentElement.dataset.source = found ? `${found.manifest.file}:${found.manifest.line}` : "none";
}

export async function askSource(target, params) {
  // Only the words are compared (source-map.ts): the rest (a "/" or "..") is what the server's gate refuses in a request.
  const words = params.text === undefined ? {} : { text: params.text.replace(/[^\p{L}\p{N}]+/gu, " ").trim() || "-" };
  const q = new URLSearchParams({ edition: target.id, lang: target.language, ...params, ...words });
  const response = await fetch(`/api/source?${q}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`/api/source: ${response.status}`);
  return response.json();
}

/** Three words in a row from a manifest text that print as they are typed (no markup or quotes inside): what find looks for. */
export function wordsToFind(text) {
  const words = text.replace(/\]\([^)]*\)/g, " ").split(/\s+/);
  for (let i = 0; i + 2 < words.length; i++) {
    const run = words.slice(i, i + 3);
    if (run.every((w) => /^[\p{L}\p{N}]+$/u.test(w))) return run.join(" ");
  }
  return words
    .filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
    .slice(0, 1)
    .join(" ");
}
