// The page outlines the preview can draw over each page: margins and margin
// boxes, read from the @page rules of the edition's stylesheet on every render
// so they follow the designer's edits. The page box itself comes from the PDF.
// This is a drawing aid only; the pages shown are always Chromium's own PDF.
import { readFile } from "node:fs/promises";

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PageGeometry {
  /** Margins of the unnamed @page rule, in millimetres. */
  margins: Margins;
  /** Margin boxes with content (top-left, bottom-right ...): running heads and folio. */
  marginBoxes: string[];
  /** Named pages (`@page cover`) and their margins and boxes. */
  named: Record<string, { margins: Margins; marginBoxes: string[] }>;
}

const MM: Record<string, number> = { mm: 1, cm: 10, in: 25.4, pt: 25.4 / 72, pc: 25.4 / 6, px: 25.4 / 96, q: 0.25 };

function toMm(value: string): number | undefined {
  if (value === "0") return 0;
  const m = /^(-?\d*\.?\d+)(mm|cm|in|pt|pc|px|q)$/i.exec(value);
  return m ? Number(m[1]) * MM[m[2].toLowerCase()] : undefined;
}

/** CSS `margin` shorthand, one to four lengths. */
export function parseMargins(value: string): Margins | undefined {
  const parts = value.trim().split(/\s+/).map(toMm);
  if (!parts.length || parts.length > 4 || parts.some((p) => p === undefined)) return undefined;
  const [t, r = t, b = t, l = r] = parts as number[];
  return { top: t, right: r, bottom: b, left: l };
}

/** The body of each `@page [name] { ... }` rule, nested margin-box rules split out. */
function pageRules(css: string): { name: string; declarations: string; boxes: Map<string, string> }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, "");
  const rules = [];
  const head = /@page\s*([a-z-]*)\s*\{/gi;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    let depth = 1;
    let i = head.lastIndex;
    for (; i < text.length && depth; i++) depth += text[i] === "{" ? 1 : text[i] === "}" ? -1 : 0;
    const body = text.slice(head.lastIndex, i - 1);
    const boxes = new Map<string, string>();
    for (const box of body.matchAll(/@([a-z-]+)\s*\{([^}]*)\}/gi)) boxes.set(box[1], box[2]);
    rules.push({ name: m[1], declarations: body.replace(/@[a-z-]+\s*\{[^}]*\}/gi, ""), boxes });
    head.lastIndex = i;
  }
  return rules;
}

function declaration(declarations: string, property: string): string | undefined {
  return new RegExp(`(?:^|[;{\\s])${property}\\s*:\\s*([^;]+)`, "i").exec(declarations)?.[1].trim();
}

export const DEFAULT_GEOMETRY: PageGeometry = { margins: { top: 0, right: 0, bottom: 0, left: 0 }, marginBoxes: [], named: {} };

/** Geometry from the stylesheet text; later rules win, as in CSS. */
export function pageGeometry(css: string): PageGeometry {
  const geometry: PageGeometry = structuredClone(DEFAULT_GEOMETRY);
  const shown = (boxes: Map<string, string>, inherited: string[]) => {
    const out = new Set(inherited);
    for (const [name, body] of boxes) {
      if (/content\s*:\s*none/i.test(body)) out.delete(name);
      else out.add(name);
    }
    return [...out];
  };
  for (const rule of pageRules(css)) {
    const margin = declaration(rule.declarations, "margin");
    const margins = margin ? parseMargins(margin) : undefined;
    if (!rule.name) {
      if (margins) geometry.margins = margins;
      geometry.marginBoxes = shown(rule.boxes, geometry.marginBoxes);
    } else {
      const before = geometry.named[rule.name];
      geometry.named[rule.name] = {
        margins: margins ?? before?.margins ?? geometry.margins,
        marginBoxes: shown(rule.boxes, before?.marginBoxes ?? geometry.marginBoxes),
      };
    }
  }
  return geometry;
}

export async function readPageGeometry(cssFile: string): Promise<PageGeometry> {
  try {
    return pageGeometry(await readFile(cssFile, "utf8"));
  } catch {
    return structuredClone(DEFAULT_GEOMETRY);
  }
}
