// Chromium tags the page's body but paints the @page margin boxes (running
// heads, folios) and some decorations (the contents page's dotted leaders)
// outside any marked content. PDF/UA-1 (7.1) wants every painted thing to be
// either real content or an artifact: here each run of untagged painting is
// wrapped in /Artifact BMC … EMC. Tagged content is never touched.
import type { Token } from "./content-tokens.js";

const TEXT_SHOW = new Set(["Tj", "TJ", "'", '"']);
const PAINT = new Set(["S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do"]);
const PATH = new Set(["m", "l", "c", "v", "y", "h", "re"]);
const MARK_OPEN = new Set(["BDC", "BMC"]);
/** A run is never widened across these: marked content and the states it must nest with. */
const BARRIER = new Set(["BDC", "BMC", "EMC", "q", "Q", "BT", "ET", "BX", "EX"]);

interface TextObject {
  bt: number;
  et: number;
  marked: boolean;
}

/** Token index where each operator's operands start, and the BT…ET objects. */
function scan(tokens: Token[]): { operandStart: number[]; textObjects: Map<number, TextObject> } {
  const operandStart: number[] = new Array(tokens.length);
  const textObjects = new Map<number, TextObject>();
  let start = 0;
  let open: TextObject | undefined;
  tokens.forEach((t, i) => {
    if (t.kind !== "operator") return;
    operandStart[i] = start;
    start = i + 1;
    if (t.text === "BT") open = { bt: i, et: -1, marked: false };
    else if (t.text === "ET" && open) {
      open.et = i;
      open = undefined;
    } else if (open && (MARK_OPEN.has(t.text) || t.text === "EMC")) open.marked = true;
    if (open) textObjects.set(i, open);
  });
  return { operandStart, textObjects };
}

/** [start, end) token ranges painted outside any marked content. */
function untaggedItems(tokens: Token[]): [number, number][] {
  const { operandStart, textObjects } = scan(tokens);
  const items: [number, number][] = [];
  let depth = 0;
  let pathStart: number | undefined;
  tokens.forEach((t, i) => {
    if (t.kind !== "operator") return;
    const op = t.text;
    if (MARK_OPEN.has(op)) depth++;
    else if (op === "EMC") depth = Math.max(0, depth - 1);
    if (PATH.has(op)) pathStart ??= operandStart[i];
    const painting = PAINT.has(op) || TEXT_SHOW.has(op);
    if (painting && depth === 0) {
      const text = textObjects.get(i);
      if (TEXT_SHOW.has(op) && text && !text.marked && text.et > 0) {
        const last = items[items.length - 1];
        if (!last || last[0] !== text.bt) items.push([text.bt, text.et + 1]);
      } else items.push([PAINT.has(op) ? (pathStart ?? operandStart[i]) : operandStart[i], i + 1]);
    }
    if (PAINT.has(op) || op === "n") pathStart = undefined;
  });
  return items;
}

/** Whether [from, to) paints text; undefined when it holds a barrier (a run is never widened across one). */
function gapShows(tokens: Token[], from: number, to: number): boolean | undefined {
  let shows = false;
  for (let i = from; i < to; i++) {
    if (tokens[i].kind !== "operator") continue;
    if (BARRIER.has(tokens[i].text)) return undefined;
    if (TEXT_SHOW.has(tokens[i].text)) shows = true;
  }
  return shows;
}

interface Run {
  start: number;
  end: number;
  /** Whether the run paints text: kept as runs grow, since scanning a grown run again made this quadratic (1.9 s of a build's 3.3 s of compaction). */
  shows: boolean;
}

export function markArtifacts(tokens: Token[]): { tokens: Token[]; runs: number } {
  const items = untaggedItems(tokens);
  if (!items.length) return { tokens, runs: 0 };
  const runs: Run[] = [];
  // Text painted in a run that is not a whole text object: such a run is not widened.
  const inText = (r: Run) => tokens[r.start].text !== "BT" && r.shows;
  for (const [start, end] of items) {
    const item = { start, end, shows: gapShows(tokens, start, end) ?? tokens.slice(start, end).some((t) => TEXT_SHOW.has(t.text)) };
    const last = runs[runs.length - 1];
    const gap = last && !inText(last) && !inText(item) ? gapShows(tokens, last.end, item.start) : undefined;
    if (last && gap !== undefined) {
      last.end = item.end;
      last.shows = last.shows || gap || item.shows;
    } else runs.push(item);
  }
  const out: Token[] = [];
  let at = 0;
  for (const { start, end } of runs) {
    out.push(...tokens.slice(at, start), { kind: "operand", text: "/Artifact" }, { kind: "operator", text: "BMC" });
    out.push(...tokens.slice(start, end), { kind: "operator", text: "EMC" });
    at = end;
  }
  out.push(...tokens.slice(at));
  return { tokens: out, runs: runs.length };
}
