// Addresses a reader can link to in the web edition: every section and every
// provider (#provider-<id>, the provider_id of the open data, the same in both
// languages). The print needs neither (its ids become named destinations of
// the PDF), so they are added here, to the web page only.
import type { Edition } from "../manifest/edition-schema.js";
import { providerId } from "../manifest/references.js";
import { slug } from "../manifest/slug.js";

/** Per providers table, per model group in order: the provider ids of its rows, in-progress and qualified columns. */
export type ProviderColumns = { inProgress: string[]; qualified: string[] }[][];

/** The ids in the order the print's table shows them (src/render/section-views.ts: row i holds in_progress[i] and qualified[i]). */
export function providerColumns(edition: Edition): ProviderColumns {
  return edition.sections.flatMap((s) =>
    s.type === "providers"
      ? [s.models.map((m) => ({ inProgress: m.in_progress.map(providerId), qualified: m.qualified.map(providerId) }))]
      : [],
  );
}

export const providerAnchor = (id: string) => `provider-${id}`;

/** Each provider's first cell gets id="provider-<id>"; a provider listed again (another model, qualified too) links to that first one. */
export function addProviderAnchors(html: string, tables: ProviderColumns): string {
  const seen = new Set<string>();
  let t = 0;
  return html.replace(/<table class="providers-table">[\s\S]*?<\/table>/g, (table) => {
    const groups = tables[t++];
    if (!groups) throw new Error("web edition: more providers tables in the page than in the manifest");
    let g = 0;
    return table.replace(/<tbody class="model-group">[\s\S]*?<\/tbody>/g, (group) => {
      const ids = groups[g++] ?? { inProgress: [], qualified: [] };
      let r = 0;
      return group.replace(/<tr\b[\s\S]*?<\/tr>/g, (row) => {
        const i = r++;
        const mark = (cell: string, id: string | undefined) => {
          if (!id || seen.has(id)) return cell;
          seen.add(id);
          return cell.replace(/^<td /, `<td id="${providerAnchor(id)}" `);
        };
        return row
          .replace(/<td class="applicant"[^>]*>/, (c) => mark(c, ids.inProgress[i]))
          .replace(/<td class="provider q"[^>]*>/, (c) => mark(c, ids.qualified[i]));
      });
    });
  });
}

/** A section with no id of its own nor on its first heading gets one, from that heading (else from its class). */
export function addSectionAnchors(html: string): string {
  const taken = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  return html.replace(/<section\b([^>]*)>([\s\S]*?)(?=<\/section>)/g, (whole, attrs: string, body: string) => {
    if (/\sid="/.test(attrs)) return whole;
    const heading = /<h[1-3]\b([^>]*)>([\s\S]*?)<\/h[1-3]>/.exec(body);
    // Its first heading's id, where it has one, already names the section (the contents link to it).
    if (heading && /\sid="/.test(heading[1])) return whole;
    const base = slug(heading?.[2].replace(/<[^>]+>/g, "") ?? "") || (/class="([\w-]+)/.exec(attrs)?.[1] ?? "section");
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return `<section id="${id}"${attrs}>${body}`;
  });
}
