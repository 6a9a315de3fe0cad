// Cross-section checks: every provider, source and offer that one section
// names must exist where it is defined, so a typo cannot print a dangling name.
// They also run on data the schema refused (see load.ts), so nothing here may
// assume a shape: every list and field is checked before it is read.
import type { ProviderRow } from "../sections/providers.js";
import { didYouMean } from "./did-you-mean.js";
import { slug } from "./slug.js";

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
}
type Loose = Record<string, unknown>;

const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.filter((x): x is Loose => x !== null && typeof x === "object") : []);
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

// Sections whose list items name a provider: section type -> [list, field].
const PROVIDER_FIELDS: Record<string, [string, string]> = {
  sources: ["items", "about"],
  "paas-zoom": ["offers", "provider_id"],
  links: ["items", "provider_id"],
};

export function providerId(row: Pick<ProviderRow, "provider" | "provider_id">): string {
  return row.provider_id ?? slug(row.provider);
}

export function checkReferences(edition: { sections?: unknown }): Problem[] {
  const problems: Problem[] = [];
  const sections = list(edition.sections);
  const providers = new Set<string>();
  const sourceIds = new Set<string>();
  const rowSources: { id: string; path: Path }[] = [];

  sections.forEach((section, i) => {
    if (section.type === "providers")
      list(section.models).forEach((m, j) => {
        for (const rows of ["in_progress", "qualified"] as const)
          list(m[rows]).forEach((row, k) => {
            const name = text(row.provider_id) ?? (text(row.provider) && slug(text(row.provider) as string));
            if (name) providers.add(name);
            const source = text(row.source);
            if (source) rowSources.push({ id: source, path: ["sections", i, "models", j, rows, k, "source"] });
          });
      });
    if (section.type === "sources") for (const item of list(section.items)) if (text(item.id)) sourceIds.add(text(item.id) as string);
  });

  const hasProviders = sections.some((s) => s.type === "providers");
  const known = [...providers].sort();
  const needProvider = (id: unknown, path: Path) => {
    if (typeof id === "string" && id !== "" && !providers.has(id))
      problems.push({
        path,
        message: `expected a provider of the providers table (${known.join(", ")}), got "${id}"${didYouMean(id, known)}`,
      });
  };

  sections.forEach((section, i) => {
    if (section.type === "chart") {
      if (!hasProviders)
        problems.push({
          path: ["sections", i, "chart"],
          message: "expected a providers section to compute this chart from, got none in this edition",
        });
      else if (Array.isArray(section.highlight))
        for (const [j, id] of section.highlight.entries()) needProvider(id, ["sections", i, "highlight", j]);
    }
    const [field, key] = PROVIDER_FIELDS[String(section.type)] ?? [];
    if (field && key) for (const [j, item] of list(section[field]).entries()) needProvider(item[key], ["sections", i, field, j, key]);
  });

  const ids = [...sourceIds];
  for (const ref of rowSources)
    if (!sourceIds.has(ref.id))
      problems.push({
        path: ref.path,
        message: `expected the id of an entry in the sources section${ids.length ? ` (${ids.join(", ")})` : ""}, got "${ref.id}"${didYouMean(ref.id, ids)}`,
      });

  // Anchors name sections in the contents page, the bookmarks and links: a
  // section without an id is reached as its type ("chart", then "chart-2"…),
  // and "<anchor>-<n>" names its sub-headings, so ids must avoid both.
  const anchors = new Map<string, number>();
  const counts = new Map<string, number>();
  sections.forEach((section, i) => {
    const type = text(section.type) ?? "";
    const n = (counts.get(type) ?? 0) + 1;
    counts.set(type, n);
    if (!text(section.id)) anchors.set(n === 1 ? type : `${type}-${n}`, i);
  });
  // Anchors the templates make themselves: "source-<id>" for each source,
  // "<anchor>-title" for each chart's title. A section id equal to one would
  // make two elements share an id, and links land on the wrong one.
  const generated = new Map<string, string>();
  for (const id of sourceIds) generated.set(`source-${id}`, `the source "${id}"`);
  const counted = new Map<string, number>();
  for (const section of sections) {
    const type = text(section.type) ?? "";
    const n = (counted.get(type) ?? 0) + 1;
    counted.set(type, n);
    const anchor = text(section.id) ?? (n === 1 ? type : `${type}-${n}`);
    if (type === "chart") generated.set(`${anchor}-title`, `the title of the chart "${anchor}"`);
  }
  sections.forEach((section, i) => {
    const id = text(section.id);
    if (!id) return;
    if (/-\d+$/.test(id))
      problems.push({
        path: ["sections", i, "id"],
        message: `expected an id that does not end in a dash and a number (those name sub-headings), got "${id}"`,
      });
    else if (anchors.has(id))
      problems.push({
        path: ["sections", i, "id"],
        message: `expected each section id once, got "${id}" a second time (first used by sections[${anchors.get(id)}])`,
      });
    else if (generated.has(id))
      problems.push({
        path: ["sections", i, "id"],
        message: `expected an id the page does not already use, got "${id}", the anchor of ${generated.get(id)}: choose another`,
      });
    else anchors.set(id, i);
  });
  return problems;
}
