// Bookmarks (the PDF outline), nested like the edition's sections, each
// opening the page where Chromium printed its heading.
import { type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from "pdf-lib";
import type { Destination } from "../readback/destinations.js";
import type { Heading } from "../sections/section-kit.js";

interface Node {
  heading: Heading;
  ref: PDFRef;
  children: Node[];
}

function build(doc: PDFDocument, headings: Heading[], dests: Map<string, Destination>): Node[] {
  return headings
    .filter((h) => dests.has(h.anchor))
    .map((h) => ({ heading: h, ref: doc.context.nextRef(), children: build(doc, h.children, dests) }));
}

function count(nodes: Node[]): number {
  return nodes.reduce((n, node) => n + 1 + count(node.children), 0);
}

function write(doc: PDFDocument, nodes: Node[], parent: PDFRef, dests: Map<string, Destination>, open: boolean): void {
  nodes.forEach((node, i) => {
    const dest = dests.get(node.heading.anchor) as Destination;
    const dict: Record<string, unknown> = {
      Title: PDFHexString.fromText(node.heading.title),
      Parent: parent,
      // A copy of Chromium's destination array: the same page and position.
      Dest: doc.context.obj(dest.array.asArray()),
    };
    if (i > 0) dict.Prev = nodes[i - 1].ref;
    if (i < nodes.length - 1) dict.Next = nodes[i + 1].ref;
    if (node.children.length) {
      dict.First = node.children[0].ref;
      dict.Last = node.children[node.children.length - 1].ref;
      // Positive count: the entry is shown open.
      dict.Count = PDFNumber.of(open ? count(node.children) : -count(node.children));
      write(doc, node.children, node.ref, dests, false);
    }
    doc.context.assign(node.ref, doc.context.obj(dict as never));
  });
}

/** Adds the outline; returns the number of bookmarks written. */
export function addOutline(doc: PDFDocument, headings: Heading[], dests: Map<string, Destination>): number {
  const nodes = build(doc, headings, dests);
  if (!nodes.length) return 0;
  const rootRef = doc.context.nextRef();
  write(doc, nodes, rootRef, dests, true);
  const root = doc.context.obj({
    Type: "Outlines",
    First: nodes[0].ref,
    Last: nodes[nodes.length - 1].ref,
    Count: PDFNumber.of(count(nodes)),
  });
  doc.context.assign(rootRef, root);
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
  return count(nodes);
}
