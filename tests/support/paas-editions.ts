// Editions with 1 to 8 PaaS offers, made from the long test edition
// (tests/fixtures/long-edition: eight offers, one of them with a name that
// cannot break, "Plateforme Ardoise des Hauts-de-France"): the first N offers
// and their matrix cells, the rest of the edition as it is. Deterministic.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { projectRoot } from "../../src/paths.js";

const LONG = path.join(projectRoot, "tests", "fixtures", "long-edition", "2026-09", "fr.yaml");

interface PaasSection {
  type: "paas-zoom";
  offers: { id: string; name: string }[];
  matrix: { pillar: string; cells: Record<string, unknown> }[];
}

/** The edition id of the one with `count` offers: months of 2027, one per count. */
export const paasEditionId = (count: number) => `2027-${String(count).padStart(2, "0")}`;

/** Writes editions/<2027-MM>/fr.yaml under `editionsDir` for each count; returns their ids. */
export function writePaasEditions(editionsDir: string, counts: number[]): string[] {
  return counts.map((count) => {
    const manifest = parse(readFileSync(LONG, "utf8"));
    const id = paasEditionId(count);
    manifest.edition.id = id;
    manifest.edition.date = `${id}-01`;
    manifest.edition.label = `ÉDITION DE TEST, ${count} OFFRE${count > 1 ? "S" : ""} PAAS`;
    const paas = manifest.sections.find((s: { type: string }) => s.type === "paas-zoom") as PaasSection;
    if (paas.offers.length < count) throw new Error(`the long test edition has ${paas.offers.length} PaaS offers, not ${count}`);
    paas.offers = paas.offers.slice(0, count);
    const kept = new Set(paas.offers.map((o) => o.id));
    for (const row of paas.matrix) row.cells = Object.fromEntries(Object.entries(row.cells).filter(([k]) => kept.has(k)));
    mkdirSync(path.join(editionsDir, id), { recursive: true });
    writeFileSync(path.join(editionsDir, id, "fr.yaml"), `# yaml-language-server: $schema=../edition.schema.json\n${stringify(manifest)}`);
    return id;
  });
}

/** The offer names of the long test edition, in order. */
export function longEditionOffers(): string[] {
  const manifest = parse(readFileSync(LONG, "utf8"));
  return (manifest.sections.find((s: { type: string }) => s.type === "paas-zoom") as PaasSection).offers.map((o) => o.name);
}
