// Anchors and titles of every section and sub-section, in order. The contents
// page, the bookmarks and the tests all read this one list.
import type { Edition } from "../manifest/edition-schema.js";
import type { Labels } from "../sections/labels.js";
import { sectionKinds } from "../sections/registry.js";
import type { Heading } from "../sections/section-kit.js";

export interface PlacedSection {
  index: number;
  anchor: string;
  heading?: Heading;
}

export function placeSections(edition: Edition, labels: Labels): PlacedSection[] {
  const counts = new Map<string, number>();
  return edition.sections.map((section, index) => {
    const n = (counts.get(section.type) ?? 0) + 1;
    counts.set(section.type, n);
    const anchor = section.id ?? (n === 1 ? section.type : `${section.type}-${n}`);
    const kind = sectionKinds.get(section.type);
    const heading = section.contents === false ? undefined : kind?.heading?.(section as never, { edition, labels, anchor });
    return { index, anchor, heading };
  });
}

export function headingTree(placed: PlacedSection[]): Heading[] {
  return placed.flatMap((p) => (p.heading ? [p.heading] : []));
}

export function flattenHeadings(tree: Heading[]): Heading[] {
  return tree.flatMap((h) => [h, ...flattenHeadings(h.children)]);
}
