// The PaaS matrices of two editions compared: offers and pillars by id, cells
// by (pillar, offer). A missing or null cell reads as "unavailable", as printed.
import type { Section } from "../manifest/edition-schema.js";
import type { CellValue, PaasChange } from "./diff-types.js";

type Paas = Extract<Section, { type: "paas-zoom" }>;

function cellOf(section: Paas, pillar: string, offer: string): CellValue {
  const cell = section.matrix.find((r) => r.pillar === pillar)?.cells[offer];
  if (!cell) return { state: "unavailable" };
  return cell.stage ? { state: cell.state, stage: cell.stage } : { state: cell.state };
}

const same = (a: CellValue, b: CellValue) => a.state === b.state && a.stage === b.stage;

export function diffPaas(before: Paas, after: Paas): PaasChange[] {
  const changes: PaasChange[] = [];
  const oldOffers = new Map(before.offers.map((o) => [o.id, o]));
  const newOffers = new Map(after.offers.map((o) => [o.id, o]));
  const oldPillars = new Map(before.pillars.map((p) => [p.id, p]));
  const newPillars = new Map(after.pillars.map((p) => [p.id, p]));

  for (const o of after.offers) {
    const was = oldOffers.get(o.id);
    if (!was) changes.push({ kind: "paas-offer-added", offerId: o.id, offer: o.name, after: o.qualified });
    else if (was.qualified !== o.qualified)
      changes.push({ kind: "paas-qualified", offerId: o.id, offer: o.name, before: was.qualified, after: o.qualified });
  }
  for (const o of before.offers)
    if (!newOffers.has(o.id)) changes.push({ kind: "paas-offer-removed", offerId: o.id, offer: o.name, before: o.qualified });
  for (const p of after.pillars)
    if (!oldPillars.has(p.id)) changes.push({ kind: "paas-pillar-added", pillar: p.id, pillarLabel: p.row_label });
  for (const p of before.pillars)
    if (!newPillars.has(p.id)) changes.push({ kind: "paas-pillar-removed", pillar: p.id, pillarLabel: p.row_label });

  // Cells only where both pillar and offer exist on both sides; the rest is reported above.
  for (const p of after.pillars) {
    if (!oldPillars.has(p.id)) continue;
    for (const o of after.offers) {
      if (!oldOffers.has(o.id)) continue;
      const was = cellOf(before, p.id, o.id);
      const now = cellOf(after, p.id, o.id);
      if (!same(was, now))
        changes.push({ kind: "paas-cell", pillar: p.id, pillarLabel: p.row_label, offerId: o.id, offer: o.name, before: was, after: now });
    }
  }
  return changes;
}

export function paasSection(sections: readonly Section[]): Paas | undefined {
  return sections.find((s): s is Paas => s.type === "paas-zoom");
}
