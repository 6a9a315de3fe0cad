// The pieces of the text-layer pass on streams written as Skia writes them.
import { describe, expect, it } from "vitest";
import { collectGlyphUses, meaningOfGlyphs } from "../../src/pdf/compact/actual-text-glyphs.js";
import { serialize, tokenize } from "../../src/pdf/compact/content-tokens.js";
import { actualText, dropInvisibleText } from "../../src/pdf/compact/invisible-text.js";
import { runSpacing, withoutSpacing } from "../../src/pdf/compact/letter-spacing.js";
import { setToUnicode } from "../../src/pdf/compact/to-unicode.js";

const SOFT_HYPHEN = "/Span <</ActualText <feff00ad> >> BDC\n6.9 0 Td\n<0001> Tj\nEMC\n";

describe("invisible characters", () => {
  it("drops a soft hyphen's glyph and marks, and keeps its move folded into the next", () => {
    const src = `BT\n/F1 10 Tf\n<0002> Tj\n7.6 0 Td\n${SOFT_HYPHEN}0 0 Td\n<002B> Tj\nET\n`;
    const { tokens, removed } = dropInvisibleText(tokenize(src));
    expect(removed).toBe(1);
    expect(serialize(tokens)).toBe("BT\n/F1 10 Tf\n<0002> Tj\n14.5 0 Td\n<002B> Tj\nET\n");
  });

  it("keeps a ligature across a soft hyphen, without the hyphen in its ActualText or its invisible glyph", () => {
    const src = `BT\n/F1 10 Tf\n${SOFT_HYPHEN}/Span <</ActualText <feff006600ad0066> >> BDC\n4.5 0 Td\n<0081> Tj\n0 0 Td\n<0001> Tj\nEMC\nET\n`;
    const out = serialize(dropInvisibleText(tokenize(src)).tokens);
    expect(out).toContain("/ActualText <feff00660066>");
    expect(out).toContain("<0081> Tj");
    expect(out).not.toContain("<0001>");
  });

  it("leaves a span alone when it holds more than moves and glyphs", () => {
    const src = "BT\n/Span <</ActualText <feff00ad> >> BDC\n1 0 0 rg\n<0001> Tj\nEMC\nET\n";
    expect(dropInvisibleText(tokenize(src)).removed).toBe(0);
  });
});

describe("glyphs that only ActualText explains", () => {
  const text = (props: string) => actualText(props)?.value;

  it("gives a glyph the text of its spans when it is never shown otherwise", () => {
    const uses = new Map();
    const lig = "/Span <</ActualText <feff00660066> >> BDC\n<0081> Tj\nEMC\n";
    collectGlyphUses(tokenize(`BT\n/F1 10 Tf\n${lig}${lig}<0082> Tj\nET\n`), text, uses);
    collectGlyphUses(tokenize("BT\n/F1 10 Tf\n/Span <</ActualText <feff2019> >> BDC\n<0082> Tj\nEMC\nET\n"), text, uses);
    expect(meaningOfGlyphs(uses.get("F1"))).toEqual(new Map([["0081", "ff"]]));
  });

  it("rewrites bfchar entries, not glyphs inside a bfrange (whose entries have three parts)", () => {
    const cmap =
      "begincmap\n2 beginbfchar\n<0001> <0020>\n<0081> <0000>\nendbfchar\n2 beginbfrange\n<0089> <008C> <0032>\n<00B8> <00B9> <0028>\nendbfrange\nendcmap";
    const out = setToUnicode(
      cmap,
      new Map([
        ["0081", "ff"],
        ["008A", "x"],
      ]),
    ) as string;
    expect(out).toContain("1 beginbfchar\n<0001> <0020>\nendbfchar");
    expect(out).toContain("1 beginbfchar\n<0081> <00660066>\nendbfchar\nendcmap");
    expect(out).not.toContain("<008A> <");
    expect(setToUnicode(out, new Map([["0081", "ff"]]))).toBeUndefined();
  });
});

describe("letter-spacing", () => {
  it("is the adjustment most gaps share, from 0.05 em", () => {
    expect(runSpacing([-120, -119.9, -120.1, -100.3, -120])).toBe(120);
    expect(runSpacing([0.1, 12, -3, 0.1])).toBeUndefined();
    expect(runSpacing([-30, -30, -30])).toBeUndefined();
  });

  it("comes out of the adjustments, which keep the kerning", () => {
    expect(withoutSpacing(["0001", "0002", "0003"], [-120, -100.3], 120).join("")).toBe("<0001><0002>19.7<0003>");
  });
});
