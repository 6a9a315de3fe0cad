// The @page rules the printed page loaded: size and margins per page name.
// The page's own CSSOM cannot give them (stylesheets of a file:// page are
// cross-origin to it), so they are read through the DevTools protocol, in
// the order the document applies its stylesheets (later ones win).
import type { Page } from "puppeteer-core";

/** Page name ("" for the default page) -> descriptor -> value as written. */
export type PageRules = Record<string, Record<string, string>>;

/** "a b c d" at the spaces outside parentheses. */
export function cssTokens(value: string): string[] {
  const out: string[] = [];
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
}

function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === "{") depth++;
    else if (css[i] === "}" && --depth === 0) return i;
  }
  return css.length;
}

/** The @page rules of one stylesheet's text, merged into `into`. */
export function parsePageRules(text: string, into: PageRules = {}): PageRules {
  const css = text.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of css.matchAll(/@page\b([^{;]*)\{/g)) {
    const selector = m[1].trim();
    if (selector.includes(":")) continue; // :first, :left…: not used by the editions
    const open = (m.index ?? 0) + m[0].length - 1;
    let body = css.slice(open + 1, blockEnd(css, open));
    // Margin boxes (@top-left { … }) hold no page descriptors.
    body = body.replace(/@[\w-]+\s*\{[^{}]*\}/g, "");
    into[selector] ??= {};
    const rule = into[selector];
    for (const decl of body.split(";")) {
      const colon = decl.indexOf(":");
      if (colon < 0) continue;
      const prop = decl.slice(0, colon).trim().toLowerCase();
      const value = decl
        .slice(colon + 1)
        .replace(/!important/i, "")
        .trim();
      if (prop === "size") rule.size = value;
      else if (prop === "margin") {
        const [t, r = t, b = t, l = r] = cssTokens(value);
        Object.assign(rule, { "margin-top": t, "margin-right": r, "margin-bottom": b, "margin-left": l });
      } else if (/^margin-(top|right|bottom|left)$/.test(prop)) rule[prop] = value;
    }
  }
  return into;
}

export async function readPageRules(page: Page): Promise<PageRules> {
  const cdp = await page.createCDPSession();
  try {
    const headers: { styleSheetId: string; sourceURL: string; isInline: boolean; startLine: number }[] = [];
    cdp.on("CSS.styleSheetAdded", (e) => headers.push(e.header));
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const order: string[] = await page.evaluate(() => [...document.styleSheets].map((s) => s.href ?? ""));
    const inline = headers.filter((h) => h.isInline).sort((a, b) => a.startLine - b.startLine);
    const rules: PageRules = {};
    for (const href of order) {
      const header = href ? headers.find((h) => h.sourceURL === href && !h.isInline) : inline.shift();
      if (!header) continue;
      const { text } = await cdp.send("CSS.getStyleSheetText", { styleSheetId: header.styleSheetId });
      parsePageRules(text, rules);
    }
    return rules;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
