// Skia writes one ToUnicode entry per glyph and, where a glyph stands for
// other text, an ActualText span: a ligature the font's cmap does not reach
// ("ff" mapped to <0000>, so pdf.js and MuPDF print "chi�rement"), or an
// apostrophe glyph the cmap shares between U+2019 and U+02BC. pdf.js and
// MuPDF read only ToUnicode. Where every use of a glyph in the document is
// a span with the same ActualText, that text is what the glyph means: the
// ToUnicode entry is set to it (see to-unicode.ts), for every reader.
import type { Token } from "./content-tokens.js";

export interface GlyphUse {
  /** ActualText of each span made of this glyph alone. */
  texts: Set<string>;
  /** Shown outside such a span. */
  plain: number;
}

/** Font resource name -> glyph (4 hex digits, upper case) -> uses. */
export type GlyphUses = Map<string, Map<string, GlyphUse>>;

function use(uses: GlyphUses, font: string, glyph: string): GlyphUse {
  let byGlyph = uses.get(font);
  if (!byGlyph) {
    byGlyph = new Map();
    uses.set(font, byGlyph);
  }
  let entry = byGlyph.get(glyph);
  if (!entry) {
    entry = { texts: new Set(), plain: 0 };
    byGlyph.set(glyph, entry);
  }
  return entry;
}

/** Uses of every glyph shown by the stream (one glyph per Tj, as Skia writes). */
export function collectGlyphUses(tokens: Token[], actualTextOf: (props: string) => string | undefined, uses: GlyphUses): void {
  let font = "";
  let span: { text: string; glyphs: string[] } | undefined;
  let depth = 0; // marked-content nesting inside the span
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.text === "Tf") font = tokens[i - 2]?.text.slice(1) ?? "";
    else if (t.text === "BDC" || t.text === "BMC") {
      const text = t.text === "BDC" ? actualTextOf(tokens[i - 1]?.text ?? "") : undefined;
      if (span) depth++;
      else if (text !== undefined) span = { text, glyphs: [] };
    } else if (t.text === "EMC" && span) {
      if (depth > 0) depth--;
      else {
        if (span.glyphs.length === 1) use(uses, font, span.glyphs[0]).texts.add(span.text);
        else for (const g of span.glyphs) use(uses, font, g).plain++;
        span = undefined;
      }
    } else if (t.text === "Tj" || t.text === "TJ") {
      const glyphs = [...(tokens[i - 1]?.text ?? "").matchAll(/<([0-9A-Fa-f\s]*)>/g)].flatMap(
        (m) => m[1].replace(/\s+/g, "").toUpperCase().match(/.{4}/g) ?? [],
      );
      if (span) span.glyphs.push(...glyphs);
      else for (const g of glyphs) use(uses, font, g).plain++;
    }
  }
}

/** Glyphs whose every use says the same ActualText: glyph -> text. */
export function meaningOfGlyphs(byGlyph: Map<string, GlyphUse>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [glyph, u] of byGlyph) if (u.plain === 0 && u.texts.size === 1) out.set(glyph, [...u.texts][0]);
  return out;
}
