// The French and English manifests of one month must carry the same data:
// wording may differ, data may not. They are compared by identity, as
// diff:edition compares two months (diffEditions), and each difference is
// given as a path in each file, so it can be reported in both.
import type { Edition, Section } from "../manifest/edition-schema.js";
import type { ServiceModel } from "../manifest/primitives.js";
import type { OfferRef, PaasChange, TableChange, TableList } from "./diff-types.js";
import { diffEditions } from "./edition-diff.js";
import { offerRef } from "./providers-diff.js";

export type Path = (string | number)[];

export interface PairDifference {
  /** Where it is (or should be) in the first manifest, and what that one says. */
  a: { path: Path; says: string };
  b: { path: Path; says: string };
  /** What differs, e.g. "IaaS in progress, Bleu / Cloud de Confiance Bleu". */
  what: string;
}

type Located = { path: Path; row: OfferRef; where: string; since?: string; source?: string };
const LIST_WORDS: Record<TableList, string> = { in_progress: "in progress", qualified: "qualified" };
const rowKey = (model: string, list: string, r: OfferRef) => `${model}\u0000${list}\u0000${r.providerId}\u0000${r.offerId}`;
const quoted = (r: OfferRef) => `"${r.provider} / ${r.offer}"`;

/** Every providers row of an edition by model, list and identity, with its path; and each list's path. */
function rowIndex(edition: Edition) {
  const rows = new Map<string, Located>();
  const lists = new Map<string, Path>();
  let tables: Path | undefined;
  edition.sections.forEach((s, i) => {
    if (s.type !== "providers") return;
    tables ??= ["sections", i, "models"];
    s.models.forEach((m, j) => {
      for (const list of ["in_progress", "qualified"] as const) {
        lists.set(`${m.model}\u0000${list}`, ["sections", i, "models", j, list]);
        m[list].forEach((row, k) =>
          rows.set(rowKey(m.model, list, offerRef(row)), {
            path: ["sections", i, "models", j, list, k],
            row: offerRef(row),
            where: `${m.model} ${LIST_WORDS[list]}`,
            since: row.since,
            source: row.source,
          }),
        );
      }
    });
  });
  const listPath = (model: string, list: string): Path => lists.get(`${model}\u0000${list}`) ?? tables ?? ["sections"];
  return { rows, listPath };
}

type Index = ReturnType<typeof rowIndex>;

/** A row on one side, and where it would be on the other. */
function oneSided(model: ServiceModel, list: TableList, row: OfferRef, here: Index, there: Index, hereIsA: boolean): PairDifference {
  const present = { path: here.rows.get(rowKey(model, list, row))?.path ?? here.listPath(model, list), says: `the row ${quoted(row)}` };
  const absent = { path: there.listPath(model, list), says: "no such row" };
  const what = `${model} ${LIST_WORDS[list]}, ${quoted(row)}`;
  return hereIsA ? { a: present, b: absent, what } : { a: absent, b: present, what };
}

function tableDifferences(change: TableChange, ia: Index, ib: Index): PairDifference[] {
  const { model, before, after } = change;
  const at = (index: Index, m: string, list: string, r: OfferRef) => index.rows.get(rowKey(m, list, r))?.path ?? index.listPath(m, list);
  switch (change.kind) {
    case "stage": {
      const a = at(ia, model, "in_progress", before as OfferRef);
      const b = at(ib, model, "in_progress", after as OfferRef);
      return [
        {
          a: { path: before?.stage ? [...a, "stage"] : a, says: before?.stage ?? "no stage" },
          b: { path: after?.stage ? [...b, "stage"] : b, says: after?.stage ?? "no stage" },
          what: `stage of ${quoted(after as OfferRef)}, ${model} in progress`,
        },
      ];
    }
    case "new-applicant":
      return [oneSided(model, "in_progress", after as OfferRef, ib, ia, false)];
    case "withdrawn":
      return [oneSided(model, "in_progress", before as OfferRef, ia, ib, true)];
    case "qualified-added":
      return [oneSided(model, "qualified", after as OfferRef, ib, ia, false)];
    case "qualified-removed":
      return [oneSided(model, "qualified", before as OfferRef, ia, ib, true)];
    case "qualified":
      return [
        {
          a: { path: at(ia, model, "in_progress", before as OfferRef), says: `${quoted(before as OfferRef)} in progress` },
          b: { path: at(ib, model, "qualified", after as OfferRef), says: `${quoted(after as OfferRef)} qualified` },
          what: `${model} list of ${(after as OfferRef).provider}`,
        },
      ];
    case "model-moved": {
      const list = change.list ?? "in_progress";
      return [
        {
          a: { path: at(ia, change.fromModel ?? model, list, before as OfferRef), says: `under ${change.fromModel}` },
          b: { path: at(ib, model, list, after as OfferRef), says: `under ${model}` },
          what: `service model of ${quoted(after as OfferRef)}`,
        },
      ];
    }
  }
}

type Paas = Extract<Section, { type: "paas-zoom" }>;

function paasDifferences(change: PaasChange, a: Edition, b: Edition): PairDifference[] {
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

/** Dates and sources of the rows both list, which diffEditions does not look at. */
function rowFieldDifferences(ia: Index, ib: Index): PairDifference[] {
  const out: PairDifference[] = [];
  for (const [key, ra] of ia.rows) {
    const rb = ib.rows.get(key);
    if (!rb) continue;
    for (const field of ["since", "source"] as const)
      if (ra[field] !== rb[field])
        out.push({
          a: { path: ra[field] ? [...ra.path, field] : ra.path, says: ra[field] ?? `no ${field}` },
          b: { path: rb[field] ? [...rb.path, field] : rb.path, says: rb[field] ?? `no ${field}` },
          what: `${field} of ${quoted(ra.row)}, ${ra.where}`,
        });
  }
  return out;
}

/** Edition date, sources (by id: date and address) and the charts printed (kind, unit, highlights). */
function otherDifferences(a: Edition, b: Edition): PairDifference[] {
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
        s.items.forEach((item, k) => item.id && map.set(item.id, { path: ["sections", i, "items", k], date: item.date, url: item.url }));
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

/** Every difference of data between two manifests of one month, in any two languages. */
export function languagePairDifferences(a: Edition, b: Edition): PairDifference[] {
  const diff = diffEditions(a, b);
  const ia = rowIndex(a);
  const ib = rowIndex(b);
  const stageGone: PairDifference[] = diff.stagesNotStated.map(({ model, offer }) => {
    const pa = ia.rows.get(rowKey(model, "in_progress", offer))?.path ?? ia.listPath(model, "in_progress");
    const pb = ib.rows.get(rowKey(model, "in_progress", offer))?.path ?? ib.listPath(model, "in_progress");
    return {
      a: { path: [...pa, "stage"], says: offer.stage ?? "no stage" },
      b: { path: pb, says: "no stage" },
      what: `stage of ${quoted(offer)}, ${model} in progress`,
    };
  });
  const presence: PairDifference[] = (["providers", "paas"] as const).flatMap((block) => {
    const seen = diff.compared[block];
    if (seen === "both" || seen === "neither") return [];
    const type = block === "paas" ? "paas-zoom" : "providers";
    const where = (e: Edition): Path => {
      const i = e.sections.findIndex((s) => s.type === type);
      return i >= 0 ? ["sections", i] : ["sections"];
    };
    const has = (yes: boolean) => (yes ? `a ${type} section` : `no ${type} section`);
    return [
      {
        a: { path: where(a), says: has(seen === "before-only") },
        b: { path: where(b), says: has(seen === "after-only") },
        what: `${type} section`,
      },
    ];
  });
  return [
    ...presence,
    ...otherDifferences(a, b),
    ...diff.table.flatMap((c) => tableDifferences(c, ia, ib)),
    ...stageGone,
    ...rowFieldDifferences(ia, ib),
    ...diff.paas.flatMap((c) => paasDifferences(c, a, b)),
  ];
}
