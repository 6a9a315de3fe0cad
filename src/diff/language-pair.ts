// The French and English manifests of one month must carry the same data:
// wording may differ, data may not. They are compared by identity, as
// diff:edition compares two months (diffEditions), and each difference is
// given as a path in each file, so it can be reported in both.
import type { Edition } from "../manifest/edition-schema.js";
import type { ServiceModel } from "../manifest/primitives.js";
import type { OfferRef, TableChange, TableList } from "./diff-types.js";
import { diffEditions } from "./edition-diff.js";
import { otherDifferences, type PairDifference, type Path, paasDifferences } from "./language-pair-blocks.js";
import { offerRef } from "./providers-diff.js";

export type { PairDifference, Path };

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
        m[list].forEach((row, k) => {
          rows.set(rowKey(m.model, list, offerRef(row)), {
            path: ["sections", i, "models", j, list, k],
            row: offerRef(row),
            where: `${m.model} ${LIST_WORDS[list]}`,
            since: row.since,
            source: row.source,
          });
        });
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
    case "stage":
    case "stage-published": {
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
