// Skia writes every glyph as its own "dx 0 Td <gid> Tj". Inside one BT…ET
// block those runs become one TJ array whose numbers carry the same
// positions (kerning included), which is several times smaller. Only
// unscaled horizontal moves are merged; anything else ends a run.
import { formatNumber, type Token } from "./content-tokens.js";
import { runSpacing, withoutSpacing } from "./letter-spacing.js";

/** Advance widths (1/1000 em) of the glyphs of each font resource, by CID. */
export type FontWidths = Map<string, (cid: number) => number>;

/** The resource name of a copy of a font (name without "/") whose glyphs are `spacing` thousandths of an em wider. */
export type SpacedFont = (font: string, spacing: number, glyphs: string[]) => string | undefined;

const RESET_STATE = new Set(["Tc", "Tw", "Tz", "TL", "Ts", "T*", "'", '"', "TJ", "d0", "d1"]);
const ROUND_OPS = new Set(["Td", "TD", "Tm", "cm", "re", "m", "l", "c", "v", "y"]);

interface Run {
  font: (cid: number) => number;
  /** Resource name as in Tf, with its "/", and the size as written. */
  fontName: string;
  sizeToken: Token;
  /** The glyphs, and the adjustment before each glyph after the first (for letter-spacing). */
  glyphs: string[];
  adjustments: number[];
  size: number;
  parts: string[];
  /** Hex glyphs shown since the last number, for the next adjustment. */
  pendingWidth: number;
  absorbed: number;
  drift: number;
}

function widthOf(hex: string, font: (cid: number) => number): number {
  let w = 0;
  for (let i = 0; i + 4 <= hex.length; i += 4) w += font(Number.parseInt(hex.slice(i, i + 4), 16));
  return w;
}

/** Whether the BT block starting at `start` holds an ActualText marked-content span. */
function hasActualText(tokens: Token[], start: number): boolean {
  for (let k = start + 1; k < tokens.length && tokens[k].text !== "ET"; k++) if (tokens[k].text.includes("ActualText")) return true;
  return false;
}

export function mergeTextRuns(tokens: Token[], widths: FontWidths, spacedFont?: SpacedFont): Token[] {
  const out: Token[] = [];
  let font: ((cid: number) => number) | undefined;
  let fontName = "";
  let sizeToken: Token = { kind: "number", value: 0, text: "0" };
  let size = 0;
  let unusual = false; // Tc/Tw/Tz… set: positions depend on more than widths
  let verbatim = false; // a block with an ActualText span: written as Chromium wrote it
  let run: Run | undefined;

  const tf = (name: string, at: Token): Token[] => [{ kind: "operand", text: name }, at, { kind: "operator", text: "Tf" }];
  const flush = () => {
    if (!run) return;
    const spacing = spacedFont && runSpacing(run.adjustments);
    const spaced = spacing && spacedFont(run.fontName.slice(1), spacing, run.glyphs);
    if (spacing && spaced) {
      // The font is text state and outlives this array: the run's own font is set back after it.
      out.push(...tf(`/${spaced}`, run.sizeToken));
      out.push(
        { kind: "operand", text: `[${withoutSpacing(run.glyphs, run.adjustments, spacing).join("")}]` },
        { kind: "operator", text: "TJ" },
      );
      out.push(...tf(run.fontName, run.sizeToken));
    } else out.push({ kind: "operand", text: `[${run.parts.join("")}]` }, { kind: "operator", text: "TJ" });
    // The Td moves we absorbed also moved the line matrix: put it where it was.
    if (run.absorbed !== 0)
      out.push(
        { kind: "number", value: run.absorbed, text: formatNumber(run.absorbed, 3) },
        { kind: "number", value: 0, text: "0" },
        { kind: "operator", text: "Td" },
      );
    run = undefined;
  };

  const isShow = (k: number) => {
    const t = tokens[k];
    return t !== undefined && t.kind === "operand" && t.hex !== undefined && tokens[k + 1]?.text === "Tj";
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    // "dx 0 Td <hex> Tj" continuing a run
    if (
      run &&
      t.kind === "number" &&
      tokens[i + 1]?.kind === "number" &&
      (tokens[i + 1] as { value: number }).value === 0 &&
      tokens[i + 2]?.text === "Td" &&
      isShow(i + 3)
    ) {
      const dx = t.value;
      const hex = (tokens[i + 3] as { hex: string }).hex;
      const exact = run.pendingWidth - (dx * 1000) / run.size + run.drift;
      const adj = Math.round(exact * 10) / 10;
      run.drift = exact - adj;
      run.parts.push(adj === 0 ? "" : formatNumber(adj, 1), `<${hex}>`);
      run.glyphs.push(hex);
      run.adjustments.push(adj);
      run.pendingWidth = widthOf(hex, run.font);
      run.absorbed += dx;
      i += 4;
      continue;
    }
    // A glyph shown at the current point starts a run (if we know its widths).
    if (t.kind === "operand" && t.hex !== undefined && next?.text === "Tj" && font && size > 0 && !unusual) {
      flush();
      run = {
        font,
        fontName,
        sizeToken,
        glyphs: [t.hex],
        adjustments: [],
        size,
        parts: [`<${t.hex}>`],
        pendingWidth: widthOf(t.hex, font),
        absorbed: 0,
        drift: 0,
      };
      i += 1;
      continue;
    }
    flush();
    if (t.kind === "operator") {
      if (t.text === "Tf") {
        const name = out[out.length - 2]?.text ?? "";
        sizeToken = out[out.length - 1];
        font = widths.get(name.slice(1));
        fontName = name;
        size = sizeToken?.kind === "number" ? sizeToken.value : 0;
      } else if (t.text === "BT" || t.text === "ET") {
        // A block with an ActualText span (Chromium marks a curly apostrophe
        // so, its glyph being shared with U+02BC) is left as written, numbers
        // too: merged, its glyphs after the span were drawn out of place.
        verbatim = t.text === "BT" && hasActualText(tokens, i);
        unusual = verbatim;
      } else if (RESET_STATE.has(t.text)) {
        unusual = true;
      } else if (ROUND_OPS.has(t.text) && !verbatim) {
        // Skia prints seven decimals of device units; three are far below a print dot.
        for (let k = out.length - 1; k >= 0 && out[k].kind === "number"; k--) {
          const num = out[k] as Extract<Token, { kind: "number" }>;
          const dot = num.text.indexOf(".");
          if (dot >= 0 && num.text.length - dot > 4) out[k] = { ...num, text: formatNumber(num.value, 3) };
        }
      }
    }
    out.push(t);
  }
  flush();
  return out;
}
