// The whats-new section's view, found through the view registry
// (src/render/section-views.ts): the changes since the edition it names, read
// before rendering; a `since` naming no earlier edition is a manifest problem,
// for `check` as for the build.
import type { Edition } from "../../../manifest/edition-schema.js";
import type { SectionView } from "../../../render/section-view.js";
import { previousEditionsFor } from "./previous-editions.js";
import { whatsNewSectionView } from "./whats-new-view.js";

export const whatsNewView: SectionView<ReadonlyMap<string, Edition>> = {
  type: "whats-new",
  reads: (loaded, editions) => previousEditionsFor(loaded, editions),
  view: (section, ctx) => ({ ...whatsNewSectionView(section, { edition: ctx.edition, previous: ctx.earlier }) }),
};
