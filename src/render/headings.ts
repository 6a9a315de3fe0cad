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
  /** A figure (a chart section): listed under the section it illustrates, not beside it. */
  figure?: boolean;
}

export function placeSections(edition: Edition, labels: Labels): PlacedSection[] {
  const counts = new Map<string, number>();
  return edition.sections.map((section, index) => {
    const n = (counts.get(section.type) ?? 0) + 1;
    counts.set(section.type, n);
    const anchor = section.id ?? (n === 1 ? section.type : `${section.type}-${n}`);
    const kind = sectionKinds.get(section.type);
    const heading = section.contents === false ? undefined : kind?.heading?.(section as never, { edition, labels, anchor });
    return { index, anchor, heading, figure: section.type === "chart" };
  });
}

/**
 * The headings in order. A figure goes under the heading before it ("Les
 * candidats" under "SecNumCloud — c’est qui ?"): a contents page whose top
 * entries mix sections and figures reads as if each figure were a chapter.
 * One that opens the edition, with no heading before it, stays at the top.
 */
export function headingTree(placed: PlacedSection[]): Heading[] {
  const tree: Heading[] = [];
  for (const p of placed) {
    if (!p.heading) continue;
    const parent = tree[tree.length - 1];
    if (p.figure && parent) tree[tree.length - 1] = { ...parent, children: [...parent.children, p.heading] };
    else tree.push(p.heading);
  }
  return tree;
}

export function flattenHeadings(tree: Heading[]): Heading[] {
  return tree.flatMap((h) => [h, ...flattenHeadings(h.children)]);
}
