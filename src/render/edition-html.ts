// Manifest model -> the HTML Chromium prints. Pure: no browser, no files
// written, so `--html-only`, the preview and the tests share it.
import path from "node:path";
import type { Edition } from "../manifest/edition-schema.js";
import { loadLabels } from "../sections/labels.js";
import type { Heading } from "../sections/section-kit.js";
import { breakAddresses } from "./address-breaks.js";
import { bindCompoundNames } from "./compound-names.js";
import { bindHeadingEnds } from "./heading-lines.js";
import { flattenHeadings, headingTree, placeSections } from "./headings.js";
import { loadLicenses } from "./licences.js";
import { markPlaceholders } from "./placeholder-marks.js";
import type { EarlierEditions } from "./section-view.js";
import { sectionView } from "./section-views.js";
import { templateEnv } from "./template-env.js";
import { typeset } from "./typography.js";
import { withoutSoftHyphens } from "./unhyphenated.js";
import { hyphenPolicy } from "./word-policy.js";

export interface HtmlOptions {
  templatesDir: string;
  assetsDir: string;
  /** Folder the HTML file will be written to: asset links are relative to it. */
  htmlDir: string;
  /** Printed page of each heading anchor, from a first render; absent on the first pass. */
  pageNumbers?: ReadonlyMap<string, number>;
  /** What each section type read from other editions, by type (readEarlierEditions(), section-views.ts). */
  earlier?: EarlierEditions;
  /** A draft prints placeholders highlighted; otherwise one in the page is an error. */
  draft?: boolean;
  /** Extra class on <html>, e.g. a print profile. */
  profile?: string;
  /** Words the printing step found badly broken: printed without soft hyphens (src/typeset/). */
  keepWhole?: Iterable<string>;
  /** CSS rules that balance the pages, found by measuring a print (src/typeset/balance.ts). */
  css?: string[];
}

export interface EditionHtml {
  html: string;
  headings: Heading[];
}

interface ContentsEntry {
  anchor: string;
  title: string;
  page: string;
  level: number;
}

function contentsEntries(tree: Heading[], pages: ReadonlyMap<string, number> | undefined, level = 1): ContentsEntry[] {
  return tree.flatMap((h) => [
    { anchor: h.anchor, title: h.title, page: pages?.get(h.anchor)?.toString() ?? "", level },
    ...contentsEntries(h.children, pages, level + 1),
  ]);
}

/** The print profile adds its own sheet (bleed, page size) after the common ones. */
function stylesheets(profile: string | undefined): string[] {
  const sheets = ["styles/fonts.css", "styles/edition.css"];
  if (profile === "print") sheets.push("styles/profile-print.css");
  return sheets;
}

function typesetHeadings(tree: Heading[], lang: Edition["edition"]["language"], templatesDir: string): Heading[] {
  return tree.map((h) => ({
    ...h,
    title: typeset(h.title, lang, templatesDir),
    children: typesetHeadings(h.children, lang, templatesDir),
  }));
}

export function renderEditionHtml(edition: Edition, options: HtmlOptions): EditionHtml {
  const lang = edition.edition.language;
  const labels = loadLabels(lang, options.templatesDir);
  const env = templateEnv(options.templatesDir, lang);
  const placed = placeSections(edition, labels);
  // Bookmarks and contents entries read as the printed headings do.
  const headings = typesetHeadings(headingTree(placed), lang, options.templatesDir);
  const rel = (p: string) => path.relative(options.htmlDir, p).split(path.sep).join("/");
  const sections = placed.map(({ index, anchor }) => {
    const section = edition.sections[index];
    return {
      partial: section.type,
      anchor,
      s: section,
      v: sectionView(section, { edition, labels, anchor, earlier: options.earlier }),
    };
  });
  const html = env.render({
    lang,
    edition: edition.edition,
    title: edition.edition.title ?? `${edition.edition.publication} — ${edition.edition.label}`,
    labels,
    profile: options.profile ?? "digital",
    stylesheets: stylesheets(options.profile).map((f) => rel(path.join(options.assetsDir, f))),
    assets: rel(options.assetsDir),
    contents: contentsEntries(headings, options.pageNumbers),
    sections,
    hyphenation: hyphenPolicy(edition, options.templatesDir, options.keepWhole),
    licences: loadLicenses(options.templatesDir),
  });
  // Typography once over the whole page: manifest text, labels and every
  // generated text (charts, "what's new" lines) get the same rules.
  // Then the breaks no rule of text can give: names and addresses whole, or
  // broken only where a typographer allows.
  const typeset_ = bindHeadingEnds(breakAddresses(bindCompoundNames(typeset(withoutSoftHyphens(html), lang, options.templatesDir))));
  // Rules made by the build from measured names (escaped there): never manifest text.
  const balanced = options.css?.length ? typeset_.replace("</head>", `<style>\n${options.css.join("\n")}\n</style>\n</head>`) : typeset_;
  return { html: markPlaceholders(balanced, options.draft === true), headings };
}

export { flattenHeadings };
