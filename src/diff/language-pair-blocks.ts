// The parts of the language-pair comparison outside the providers table: the
// PaaS zoom (from diffEditions' PaaS changes), the edition date, the sources
// and the charts printed. See language-pair.ts.
import type { Edition, Section } from "../manifest/edition-schema.js";
import type { PaasChange } from "./diff-types.js";

export type Path = (string | number)[];

export interface PairDifference {
  /** Where it is (or should be) in the first manifest, and what that one says. */
  a: { path: Path; says: string };
  b: { path: Path; says: string };
  /** What differs, e.g. "IaaS in progress, Bleu / Cloud de Confiance Bleu". */
  what: string;
}

type Paas = Extract<Section, { type: "paas-zoom" }>;

export function paasDifferences(change: PaasChange, a: Edition, b: Edition): PairDifference[] {
  const where = (e: Edition): { base: Path; s?: Paas } => {
    const i = e.sections.findIndex((s) => s.type === "paas-zoom");
    return { base: ["sections", i], s: e.sections[i] as Paas | undefined };
  };
  const pa = where(a);
  const pb = where(b);
  const offer = (p: typeof pa, id?: string): Path => {
    const k = p.s?.offers.findIndex((o) => o.id === id) ?? -1;
    return k >= 0 ? [...p.base, "offers", k] : [...p.base, "offers"];
  };
  const pillar = (p: typeof pa, id?: string): Path => {
    const k = p.s?.pillars.findIndex((x) => x.id === id) ?? -1;
    return k >= 0 ? [...p.base, "pillars", k] : [...p.base, "pillars"];
  };
  const cell = (p: typeof pa): Path => {
    const r = p.s?.matrix.findIndex((row) => row.pillar === change.pillar) ?? -1;
    if (r < 0) return [...p.base, "matrix"];
    return change.offerId && p.s?.matrix[r].cells[change.offerId] !== undefined
      ? [...p.base, "matrix", r, "cells", change.offerId]
      : [...p.base, "matrix", r, "cells"];
  };
  const show = (v: unknown) => (typeof v === "object" && v ? JSON.stringify(v) : String(v));
  switch (change.kind) {
    case "paas-offer-added":
      return [
        {
          a: { path: offer(pa), says: "no such offer" },
          b: { path: offer(pb, change.offerId), says: `the offer ${change.offerId}` },
          what: `PaaS offer ${change.offerId}`,
        },
      ];
    case "paas-offer-removed":
      return [
        {
          a: { path: offer(pa, change.offerId), says: `the offer ${change.offerId}` },
          b: { path: offer(pb), says: "no such offer" },
          what: `PaaS offer ${change.offerId}`,
        },
      ];
    case "paas-qualified":
      return [
        {
          a: { path: [...offer(pa, change.offerId), "qualified"], says: show(change.before) },
          b: { path: [...offer(pb, change.offerId), "qualified"], says: show(change.after) },
          what: `"qualified" of the PaaS offer ${change.offerId}`,
        },
      ];
    case "paas-pillar-added":
      return [
        {
          a: { path: pillar(pa), says: "no such pillar" },
          b: { path: pillar(pb, change.pillar), says: `the pillar ${change.pillar}` },
          what: `PaaS pillar ${change.pillar}`,
        },
      ];
    case "paas-pillar-removed":
      return [
        {
          a: { path: pillar(pa, change.pillar), says: `the pillar ${change.pillar}` },
          b: { path: pillar(pb), says: "no such pillar" },
          what: `PaaS pillar ${change.pillar}`,
        },
      ];
    case "paas-cell":
      return [
        {
          a: { path: cell(pa), says: show(change.before) },
          b: { path: cell(pb), says: show(change.after) },
          what: `PaaS cell ${change.pillar} / ${change.offerId}`,
        },
      ];
  }
}

/** Edition date, sources (by id: date and address) and the charts printed (kind, unit, highlights). */
export function otherDifferences(a: Edition, b: Edition): PairDifference[] {
  const out: PairDifference[] = [];
  if (a.edition.date !== b.edition.date)
    out.push({
      a: { path: ["edition", "date"], says: a.edition.date },
      b: { path: ["edition", "date"], says: b.edition.date },
      what: "edition date",
    });
  const sources = (e: Edition) => {
    const map = new Map<string, { path: Path; date?: string; url?: string }>();
    e.sections.forEach((s, i) => {
      if (s.type === "sources")
        s.items.forEach((item, k) => {
          if (item.id) map.set(item.id, { path: ["sections", i, "items", k], date: item.date, url: item.url });
        });
    });
    return map;
  };
  const sa = sources(a);
  const sb = sources(b);
  const list = (e: Edition): Path => [
    "sections",
    Math.max(
      0,
      e.sections.findIndex((s) => s.type === "sources"),
    ),
  ];
  for (const [id, x] of sa) {
    const y = sb.get(id);
    if (!y) out.push({ a: { path: x.path, says: `the source ${id}` }, b: { path: list(b), says: "no such source" }, what: `source ${id}` });
    else
      for (const field of ["date", "url"] as const)
        if (x[field] !== y[field])
          out.push({
            a: { path: [...x.path, field], says: x[field] ?? `no ${field}` },
            b: { path: [...y.path, field], says: y[field] ?? `no ${field}` },
            what: `${field} of the source ${id}`,
          });
  }
  for (const [id, y] of sb)
    if (!sa.has(id))
      out.push({ a: { path: list(a), says: "no such source" }, b: { path: y.path, says: `the source ${id}` }, what: `source ${id}` });

  const charts = (e: Edition) =>
    e.sections.flatMap((s, i) =>
      s.type === "chart"
        ? [
            {
              path: ["sections", i] as Path,
              data: `${s.chart}${s.unit ? ` in ${s.unit}` : ""}${s.highlight?.length ? `, highlighting ${[...s.highlight].sort().join(", ")}` : ""}`,
            },
          ]
        : [],
    );
  const ca = charts(a);
  const cb = charts(b);
  for (let n = 0; n < Math.max(ca.length, cb.length); n++)
    if (ca[n]?.data !== cb[n]?.data)
      out.push({
        a: { path: ca[n]?.path ?? ["sections"], says: ca[n]?.data ?? "no such chart" },
        b: { path: cb[n]?.path ?? ["sections"], says: cb[n]?.data ?? "no such chart" },
        what: `chart ${n + 1}`,
      });
  return out;
}
