// The data of a "What's new this month" section: the diff of this edition's
// tables against an earlier edition, worded in this edition's language.
// Names are printed as this edition prints them (the older one for removals).

import { type ChangeLine, changeLines } from "../../../diff/change-lines.js";
import type { CellValue, EditionRef, PaasChange } from "../../../diff/diff-types.js";
import { TABLE_CHANGE_KINDS } from "../../../diff/diff-types.js";
import { diffEditions } from "../../../diff/edition-diff.js";
import type { Edition } from "../../../manifest/edition-schema.js";
import type { Language } from "../../../manifest/primitives.js";
import { fill } from "../../fill.js";
import { WHATS_NEW_WORDS, type WhatsNewWords } from "./whats-new-words.js";

export interface WhatsNewItem {
  who: string;
  what?: string;
  detail?: string;
  /** "IaaS, CaaS, PaaS" */
  models?: string;
}

export interface WhatsNewGroup {
  kind: string;
  title: string;
  items: WhatsNewItem[];
}

export interface WhatsNewView {
  since: EditionRef;
  intro: string;
  groups: WhatsNewGroup[];
}

const LOCALES: Record<Language, string> = { fr: "fr-FR", en: "en-GB" };

/** "2025-12-01" -> "décembre 2025" / "December 2025", for running text. */
function monthOf(date: string, language: Language): string {
  const [y, m] = date.split("-").map(Number);
  return new Intl.DateTimeFormat(LOCALES[language], { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** "2025-11-17" -> "17 novembre 2025" / "17 November 2025"; the first of a month is "1er" in French. */
export function dayOf(date: string, language: Language): string {
  const [y, m, d] = date.split("-").map(Number);
  const text = new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return language === "fr" && d === 1 ? text.replace(/^1 /, "1er ") : text;
}

function tableItem(line: ChangeLine, w: WhatsNewWords, language: Language): WhatsNewItem {
  const item: WhatsNewItem = { who: line.provider, what: line.offer, models: line.models.join(", ") };
  if (line.kind === "qualified" && line.previousOffer) item.detail = w.previously(line.previousOffer);
  if (line.kind === "stage") item.detail = w.change(line.stageBefore ?? "", line.stageAfter ?? "");
  if (line.kind === "stage-published") item.detail = w.published(line.stageAfter ?? "", line.since && dayOf(line.since, language));
  if (line.kind === "model-moved") {
    item.models = w.change(line.fromModel ?? "", item.models ?? "");
    item.detail = line.list === "qualified" ? w.qualifiedList : w.inProgress;
  }
  if ((line.kind === "new-applicant" || line.kind === "qualified-added") && line.newProvider) item.detail = w.newProvider;
  return item;
}

function cellText(c: CellValue, w: WhatsNewWords): string {
  return `${w.states[c.state]}${c.stage ? ` (${w.stage} ${c.stage})` : ""}`;
}

function paasItem(c: PaasChange, w: WhatsNewWords): WhatsNewItem {
  switch (c.kind) {
    case "paas-offer-added":
      return { who: c.offer ?? "", detail: w.offerAdded };
    case "paas-offer-removed":
      return { who: c.offer ?? "", detail: w.offerRemoved };
    case "paas-qualified":
      return { who: c.offer ?? "", detail: c.after ? w.qualificationObtained : w.qualificationWithdrawn };
    case "paas-pillar-added":
      return { who: c.pillarLabel ?? "", detail: w.pillarAdded };
    case "paas-pillar-removed":
      return { who: c.pillarLabel ?? "", detail: w.pillarRemoved };
    case "paas-cell":
      return {
        who: c.offer ?? "",
        what: c.pillarLabel,
        detail: w.change(cellText(c.before as CellValue, w), cellText(c.after as CellValue, w)),
      };
  }
}

export function whatsNewView(edition: Edition, previous: Edition): WhatsNewView {
  const language = edition.edition.language;
  const w = WHATS_NEW_WORDS[language];
  const diff = diffEditions(previous, edition);
  const lines = changeLines(diff.table);
  const groups: WhatsNewGroup[] = [];
  for (const kind of TABLE_CHANGE_KINDS) {
    const items = lines.filter((l) => l.kind === kind).map((l) => tableItem(l, w, language));
    if (items.length) groups.push({ kind, title: w.groups[kind][items.length === 1 ? 0 : 1], items });
  }
  if (diff.paas.length)
    groups.push({ kind: "paas", title: w.groups.paas[diff.paas.length === 1 ? 0 : 1], items: diff.paas.map((c) => paasItem(c, w)) });
  const date = monthOf(previous.edition.date, language);
  return { since: diff.before, intro: fill(groups.length ? w.intro : w.none, { date }, language), groups };
}

/**
 * What the type's view (plugin.ts) calls for a `whats-new` section: the
 * earlier edition comes from `previous`, read beforehand by the build and by
 * `check` (readEarlierEditions, previous-editions.ts), because rendering reads no files.
 */
export function whatsNewSectionView(
  section: { since: string },
  ctx: { edition: Edition; previous?: ReadonlyMap<string, Edition> },
): WhatsNewView {
  const previous = ctx.previous?.get(section.since);
  if (!previous)
    throw new Error(
      `the "whats-new" section compares with edition ${section.since}, which was not loaded; read it with readEarlierEditions() before rendering`,
    );
  return whatsNewView(ctx.edition, previous);
}
