// The view registry: the data a section's partial gets as `v`, derived rather
// than typed in. Every section type is found here by its `type`: a type whose
// view needs only the manifest brings it in its SectionKind (`view()`,
// src/sections/<type>.ts, the providers table in rows, the PaaS matrix); a type
// whose view needs src/diff/ or src/render/ (a chart's SVG, the changes since
// an earlier edition) brings a SectionView from src/sections/<type>/view/,
// listed below, with the other editions it reads.
import type { EditionReader } from "../diff/edition-reader.js";
import type { Section } from "../manifest/edition-schema.js";
import type { LoadedEdition } from "../manifest/load.js";
import { ManifestError, type Problem } from "../manifest/problem.js";
import { chartView } from "../sections/chart/view/plugin.js";
import { SECTION_KINDS } from "../sections/registry.js";
import { whatsNewView } from "../sections/whats-new/view/plugin.js";
import type { EarlierEditions, SectionView, ViewContext } from "./section-view.js";

/** The views that need more than the manifest; whats-new first, so its problems come first as before. */
export const SECTION_VIEWS: readonly SectionView[] = [whatsNewView, chartView];

/** Every registered section type's view: its plug-in's, else its SectionKind's own (none: no `v`). */
export const sectionViews: ReadonlyMap<string, SectionView> = new Map(
  SECTION_KINDS.map((kind): [string, SectionView] => [
    kind.type,
    SECTION_VIEWS.find((v) => v.type === kind.type) ?? { type: kind.type, view: (s, ctx) => kind.view?.(s, ctx) ?? {} },
  ]),
);

/**
 * What every section type of the edition reads from other editions, by type.
 * Called by the build and by `check` alike; the problems of all the types are
 * reported together, located in the manifest.
 */
export async function readEarlierEditions(loaded: LoadedEdition, editions: EditionReader): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  const problems: Problem[] = [];
  for (const v of SECTION_VIEWS) {
    if (!v.reads) continue;
    try {
      const data = await v.reads(loaded, editions);
      if (data !== undefined) found.set(v.type, data);
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      problems.push(...err.problems);
    }
  }
  if (problems.length) throw new ManifestError(problems);
  return found;
}

export function sectionView(section: Section, ctx: Omit<ViewContext, "earlier"> & { earlier?: EarlierEditions }): Record<string, unknown> {
  return sectionViews.get(section.type)?.view(section, { ...ctx, earlier: ctx.earlier?.get(section.type) }) ?? {};
}
