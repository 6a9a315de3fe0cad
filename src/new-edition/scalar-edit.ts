// Changes a few scalars of a YAML file in place, leaving every other byte
// (comments, quoting, flow mappings, line breaks) as the editor wrote it.
// Re-serialising the document would re-wrap long lines and restyle the file.
import { type Document, isScalar, parse, type Scalar } from "yaml";

export interface ScalarEdit {
  path: readonly (string | number)[];
  value: string;
}

/** The value written in the scalar's own quoting style, or double-quoted when plain would read differently. */
function written(node: Scalar, value: string): string {
  if (node.type === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  if (node.type === "PLAIN") {
    try {
      if (parse(`k: ${value}`)?.k === value && !value.includes("#")) return value;
    } catch {
      // not valid as a plain scalar: quote it
    }
  }
  return JSON.stringify(value);
}

export function editScalars(source: string, doc: Document, edits: readonly ScalarEdit[]): string {
  const spans = edits.map((edit) => {
    const node = doc.getIn(edit.path, true);
    if (!isScalar(node) || !node.range) throw new Error(`expected a single value at ${edit.path.join(".")} to edit`);
    if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED")
      throw new Error(`expected a one-line value at ${edit.path.join(".")}, got a block`);
    return { start: node.range[0], end: node.range[1], text: written(node, edit.value) };
  });
  // From the end backwards, so earlier offsets stay valid.
  let out = source;
  for (const s of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}
