// Maps a path in the data back to a line and column in the YAML text.
import { type Document, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export type Anchor = "value" | "key" | "parent";

/**
 * Offset of what a problem is about. `value`: the value at the path, or the deepest
 * node that exists along it; `key`: the key itself (unknown keys); `parent`: the
 * mapping that should hold the last key (missing keys).
 */
export function offsetOf(doc: Document, path: readonly PropertyKey[], anchor: Anchor = "value"): number {
  const steps = anchor === "parent" ? path.slice(0, -1) : path;
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
  for (const [i, key] of steps.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) break;
      const keyStart = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
      const value = pair.value as Node | null;
      // An empty value (`title:` and nothing) has no text of its own: point at its key.
      const empty = !value?.range || (isScalar(value) && value.value === null && value.range[0] === value.range[1]);
      offset = anchor === "key" && i === steps.length - 1 ? keyStart : empty ? keyStart : (value?.range?.[0] ?? keyStart);
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item?.range) break;
      node = item;
      offset = item.range[0];
    } else break;
  }
  return offset;
}

/** 1-based line and column of an offset. */
export function lineColumn(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
