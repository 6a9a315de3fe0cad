// The one list of section types. Adding a type: write src/sections/<type>.ts
// (or the folder src/sections/<type>/, with its view in view/plugin.ts, listed
// in src/render/section-views.ts), templates/sections/<type>.hbs, a test, and
// add it here.
import { chart } from "./chart/chart.js";
import { contents } from "./contents.js";
import { backCover, cover } from "./cover.js";
import { criteria } from "./criteria.js";
import { editorial } from "./editorial.js";
import { explainer } from "./explainer.js";
import { glossary } from "./glossary.js";
import { links } from "./links.js";
import { paasZoom } from "./paas-zoom.js";
import { procedure } from "./procedure.js";
import { providers } from "./providers.js";
import type { SectionKind } from "./section-kit.js";
import { sources } from "./sources.js";
import { whatsNew } from "./whats-new/whats-new.js";

export const SECTION_KINDS = [
  cover,
  contents,
  editorial,
  whatsNew,
  explainer,
  criteria,
  procedure,
  providers,
  chart,
  paasZoom,
  glossary,
  links,
  sources,
  backCover,
] as const satisfies readonly SectionKind[];

export const sectionKinds: ReadonlyMap<string, SectionKind> = new Map(SECTION_KINDS.map((k) => [k.type, k]));
