// Cross-section checks: every provider, source and offer that one section
// names must exist where it is defined, so a typo cannot print a dangling name.
import type { ProviderRow } from "../sections/providers.js";
import { slug } from "./slug.js";

type Path = (string | number)[];
interface Problem {
  path: Path;
  message: string;
}

// Typed loosely: this runs inside the schema, on data the section schemas already checked.
interface LooseEdition {
  sections: ({ type: string } & Record<string, unknown>)[];
}

export function providerId(row: Pick<ProviderRow, "provider" | "provider_id">): string {
  return row.provider_id ?? slug(row.provider);
}

export function checkReferences(edition: LooseEdition): Problem[] {
  const problems: Problem[] = [];
  const providers = new Set<string>();
  const sourceIds = new Set<string>();
  let hasProviders = false;
  const rowSources: { id: string; path: Path }[] = [];

  edition.sections.forEach((section, i) => {
    if (section.type === "providers") {
      hasProviders = true;
      const models = section.models as { in_progress?: ProviderRow[]; qualified?: ProviderRow[] }[];
      models.forEach((m, j) => {
        for (const list of ["in_progress", "qualified"] as const)
          (m[list] ?? []).forEach((row, k) => {
            providers.add(providerId(row));
            if (row.source) rowSources.push({ id: row.source, path: ["sections", i, "models", j, list, k, "source"] });
          });
      });
    }
    if (section.type === "sources") for (const item of section.items as { id?: string }[]) if (item.id) sourceIds.add(item.id);
  });

  const known = () => [...providers].sort().join(", ");
  const needProvider = (id: string, path: Path) => {
    if (!providers.has(id)) problems.push({ path, message: `expected a provider of the providers table (${known()}), got "${id}"` });
  };

  edition.sections.forEach((section, i) => {
    if (section.type === "chart") {
      if (!hasProviders)
        problems.push({
          path: ["sections", i, "chart"],
          message: "expected a providers section in this edition: charts are computed from it",
        });
      ((section.highlight as string[] | undefined) ?? []).forEach((id, j) => {
        needProvider(id, ["sections", i, "highlight", j]);
      });
    }
    if (section.type === "sources")
      (section.items as { about?: string }[]).forEach((item, j) => {
        if (item.about) needProvider(item.about, ["sections", i, "items", j, "about"]);
      });
    if (section.type === "paas-zoom")
      (section.offers as { provider_id?: string }[]).forEach((o, j) => {
        if (o.provider_id) needProvider(o.provider_id, ["sections", i, "offers", j, "provider_id"]);
      });
    if (section.type === "links")
      (section.items as { provider_id?: string }[]).forEach((o, j) => {
        if (o.provider_id) needProvider(o.provider_id, ["sections", i, "items", j, "provider_id"]);
      });
  });

  for (const ref of rowSources)
    if (!sourceIds.has(ref.id))
      problems.push({
        path: ref.path,
        message: `expected the id of an entry in the sources section${sourceIds.size ? ` (${[...sourceIds].join(", ")})` : ""}, got "${ref.id}"`,
      });

  const anchors = new Map<string, number>();
  edition.sections.forEach((section, i) => {
    const id = section.id as string | undefined;
    if (!id) return;
    if (anchors.has(id))
      problems.push({
        path: ["sections", i, "id"],
        message: `expected each section id once, "${id}" is already used by sections[${anchors.get(id)}]`,
      });
    anchors.set(id, i);
  });
  return problems;
}
