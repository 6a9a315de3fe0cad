// What a section type brings when its view needs what comes after the sections
// in the pipeline's order (src/diff/, src/render/): a SectionView in
// src/sections/<type>/view/plugin.ts, listed in the view registry
// (section-views.ts). Types only, so the plug-ins and the registry share it
// without importing each other both ways.
import type { EditionReader } from "../diff/edition-reader.js";
import type { Edition } from "../manifest/edition-schema.js";
import type { LoadedEdition } from "../manifest/load.js";
import type { Labels } from "../sections/labels.js";

export interface ViewContext<T = unknown> {
  edition: Edition;
  labels: Labels;
  /** Anchor chosen for this section (its id or type-index). */
  anchor: string;
  /** What the type's reads() gave for this edition; undefined when the caller read nothing. */
  earlier?: T;
}

export interface SectionView<T = unknown> {
  type: string;
  /**
   * The other editions its sections need, read before rendering (rendering
   * reads no files). A manifest reason (an edition that does not exist) is a
   * ManifestError located in the manifest: `check` and the build both call it
   * through readEarlierEditions(), so what check accepts the build accepts.
   */
  reads?(loaded: LoadedEdition, editions: EditionReader): Promise<T | undefined>;
  /** The data its partial gets as `v` (a method: each plug-in narrows the section and what it read). */
  // biome-ignore lint/suspicious/noExplicitAny: each plug-in narrows the section to its own type
  view(section: any, ctx: ViewContext<T>): Record<string, unknown>;
}

/** What every type's reads() gave, by type. */
export type EarlierEditions = ReadonlyMap<string, unknown>;
