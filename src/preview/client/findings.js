// Preflight on the page: the findings of the render shown (the build's own
// preflight, every rule allowed so the pages still come), drawn as boxes on the
// elements they name and listed in a panel by page. A finding the build would
// refuse is marked "build refuses". Text from the findings (element paths,
// quoted manuscript words) is only ever set with textContent.

function node(tag, className, text) {
  const n = document.createElement(tag);
  if (className) n.className = className;
  if (text !== undefined) n.textContent = text;
  return n;
}

const label = (f) => `${f.severity === "error" ? "Error" : "Warning"} · ${f.rule}${f.refused ? " · build refuses" : ""}`;

/**
 * The boxes of one page's findings, over a page drawn with `viewport` (pdf.js,
 * CSS pixels): the PDF rectangles convert with the page's own transform, so
 * the print profile's bleed and any page box are taken into account.
 */
export function findingBoxes(findings, pageNumber, viewport) {
  const mine = findings.filter((f) => f.page === pageNumber);
  if (!mine.length) return undefined;
  const layer = node("div", "findings-layer");
  layer.setAttribute("aria-hidden", "true");
  for (const [i, f] of mine.entries()) {
    if (!f.box) continue;
    const [x0, y0] = viewport.convertToViewportPoint(f.box[0], f.box[1]);
    const [x1, y1] = viewport.convertToViewportPoint(f.box[2], f.box[3]);
    const box = node("div", `finding-box ${f.severity}${f.refused ? " refused" : ""}`);
    // A few pixels round the element, so a hairline-thin one still shows.
    Object.assign(box.style, {
      left: `${Math.min(x0, x1) - 2}px`,
      top: `${Math.min(y0, y1) - 2}px`,
      width: `${Math.abs(x1 - x0) + 4}px`,
      height: `${Math.abs(y1 - y0) + 4}px`,
    });
    box.title = `${label(f)}\n${f.message}\n${f.element}`;
    box.dataset.rule = f.rule;
    box.dataset.finding = String(findings.indexOf(mine[i]));
    box.append(node("span", "finding-tag", f.rule));
    layer.append(box);
  }
  // Findings about the page as a whole (nearly empty, a font on it): a flag in its corner.
  const whole = mine.filter((f) => !f.box);
  if (whole.length) {
    const flag = node(
      "div",
      `finding-flag ${whole.some((f) => f.severity === "error") ? "error" : "warning"}`,
      whole.map((f) => f.rule).join(" · "),
    );
    flag.title = whole.map((f) => `${label(f)}: ${f.message}`).join("\n");
    layer.append(flag);
  }
  return layer;
}

/** The panel: a count, then one line per finding (page, rule, message, element), each a link to its page. */
export function showFindings(panel, findings, goTo) {
  const refused = findings.filter((f) => f.refused).length;
  const errors = findings.filter((f) => f.severity === "error").length;
  document.documentElement.dataset.findings = String(findings.length);
  if (!findings.length) {
    panel.replaceChildren(node("p", "findings-none", "Preflight: nothing found."));
    return;
  }
  const head = node(
    "h2",
    "",
    `Preflight: ${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"}`,
  );
  if (refused) head.append(node("span", "refuses", ` · build:edition would refuse this PDF (${refused})`));
  const list = node("ol", "findings-list");
  for (const [i, f] of findings.entries()) {
    const item = node("li", `finding ${f.severity}${f.refused ? " refused" : ""}`);
    const button = node("button", "finding-go");
    button.type = "button";
    button.dataset.finding = String(i);
    button.append(node("span", "finding-page", f.page ? `p. ${f.page}` : "document"), node("span", "finding-rule", label(f)));
    button.append(node("span", "finding-message", f.message), node("span", "finding-element", f.element));
    if (f.page) button.addEventListener("click", () => goTo(f, i));
    else button.disabled = true;
    item.append(button);
    list.append(item);
  }
  panel.replaceChildren(head, list);
}

/** Make the box of finding `i` stand out on the page shown, and bring it into view. */
export function flashFinding(root, i) {
  const box = root.querySelector(`.finding-box[data-finding="${i}"]`);
  if (!box) return;
  // "chosen" stays (until the next render) so the designer can find the box again; the flash draws the eye once.
  for (const b of root.querySelectorAll(".finding-box.chosen")) b.classList.remove("chosen");
  box.classList.add("chosen", "flash");
  box.scrollIntoView({ block: "center", inline: "nearest" });
  setTimeout(() => box.classList.remove("flash"), 1600);
}
