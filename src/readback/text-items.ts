// Glyphs grouped into text items the way pdf.js's getTextContent groups them
// (its evaluator's thresholds, in fractions of the font size): glyphs that
// follow each other make one item, a gap of a word space adds " ", a larger
// gap, a step back, a change of font or size or of baseline start another.
// The typesetting's lines were measured on pdf.js's items; reading the same
// items keeps every decision, and so every PDF, the same without pdf.js.
import type { Glyph } from "./pdf-content.js";

export interface TextItem {
  str: string;
  /** Origin of the first glyph (points, y up), width to the end of the last, font size. */
  x: number;
  y: number;
  w: number;
  size: number;
}

const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;
const SPECIAL = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
// pdf.js's normalizeUnicode: compatibility forms (ligatures, no-break and narrow spaces) folded.
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
const normalize = (s: string) => s.replace(NORMALIZE, (_, p1: string | undefined) => (p1 ? p1.normalize("NFKC") : "\u017ft"));

interface Item {
  initialized: boolean;
  str: string[];
  x: number;
  y: number;
  /** In text space; times `scale` on the page. Kept after a flush, as pdf.js keeps it (it sets the orientation). */
  width: number;
  scale: number;
  height: number;
  fontSize: number;
  prev?: { x: number; y: number };
}

/** Text items of one page, in paint order; `box` is the page's [x0, y0, x1, y1] (glyphs outside are not text). */
export function textItems(glyphs: (Glyph | null)[], box: number[]): TextItem[] {
  const items: TextItem[] = [];
  // One item state, reused as pdf.js reuses it: thresholds stay those of the last item begun.
  const item: Item = { initialized: false, str: [], x: 0, y: 0, width: 0, scale: 1, height: 0, fontSize: 0 };
  let font: { name: string; size: number } | undefined;
  let two = [" ", " "];
  let at = 0;
  const reset = () => {
    two = [" ", " "];
    at = 0;
  };
  const save = (ch: string) => {
    const next = (at + 1) % 2;
    const ret = two[at] !== " " && two[next] === " ";
    two[at] = ch;
    at = next;
    return ret;
  };
  const shouldAddWhitespace = () => two[at] !== " " && two[(at + 1) % 2] === " ";
  const flush = () => {
    if (!item.initialized) return;
    items.push({ str: normalize(item.str.join("")), x: item.x, y: item.y, w: Math.abs(item.width * item.scale), size: item.height });
    item.initialized = false;
    item.str = [];
  };
  /** pdf.js's compareWithLastPosition for horizontal text: false when the glyph is off the page. */
  const compare = (g: Glyph, width: number): boolean => {
    const { x, y } = g;
    if (x + width < box[0] || x > box[2] || y < box[1] || y > box[3]) return false;
    const prev = item.prev;
    if (!g.font || !prev) return true;
    if (prev.x === x && prev.y === y) return true;
    const advanceX = (x - prev.x) / item.scale;
    const advanceY = y - prev.y;
    const o = Math.sign(item.width);
    const size = item.fontSize;
    if (advanceX < o * NEGATIVE_SPACE * size) {
      reset();
      flush();
      return true;
    }
    if (Math.abs(advanceY) > item.height) {
      reset();
      flush();
      return true;
    }
    if (advanceX <= o * NOT_A_SPACE * size) reset();
    if (advanceX <= o * TRACKING_SPACE * size) {
      if (shouldAddWhitespace()) {
        reset();
        flush();
      } else item.width += advanceX;
    } else if (o * SPACE_IN_FLOW_MIN * size <= advanceX && advanceX <= o * SPACE_IN_FLOW_MAX * size) {
      if (item.initialized) {
        reset();
        item.str.push(" ");
        item.width += advanceX;
      } else reset();
    } else {
      flush();
      reset();
      return true;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT) flush();
    return true;
  };
  for (const g of glyphs) {
    if (!g) {
      flush();
      continue;
    }
    if (font && (font.size !== g.fontSize || font.name !== g.font)) flush();
    font = { name: g.font, size: g.fontSize };
    const category = SPECIAL.exec(g.unicode);
    if (category?.[3]) continue;
    if (category?.[1]) {
      save(" ");
      continue;
    }
    const diacritic = !!category?.[2];
    if (!diacritic && !compare(g, g.advance)) continue;
    if (!item.initialized) {
      Object.assign(item, {
        initialized: true,
        str: [],
        x: g.x,
        y: g.y,
        width: 0,
        scale: g.scale,
        height: g.height,
        fontSize: g.fontSize,
      });
    }
    const advance = diacritic ? 0 : g.advance;
    item.width += advance;
    if (advance) item.prev = { x: g.afterX, y: g.afterY };
    if (save(g.unicode)) item.str.push(" ");
    item.str.push(g.unicode);
  }
  flush();
  return items;
}
