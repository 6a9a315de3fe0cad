// Balanced pages, decided from a print: Chromium breaks pages where the
// content runs out, so a table may leave one row on a page of its own and a
// group of charts may be cut in two. A print tells where things landed (the
// charts' headings and, through the anchors every measuring print carries
// (src/readback/print-anchors.ts), every table row); the fixes
// are CSS rules added to the page (breaks before a row or a chart group, the
// service-model label on a continued row), and the edition is printed again.
// Rules only accumulate, and depend only on the layout, so passes converge
// and the same inputs give the same rules.
import type { Page } from "puppeteer-core";
import { inPageScript } from "../readback/in-page-script.js";
import { type FillFault, fillFaults, HALF_EMPTY, NEAR_EMPTY } from "../readback/page-fill.js";

/** Rows a continued table carries at least on its last page. */
export const MIN_CONTINUED_ROWS = 3;

interface Row {
  id: string;
  tbody: number;
  row: number;
  height: number;
  model: string;
}
interface Measured {
  tables: { anchor: string; head: number; notes: number; rows: Row[]; nextAnchor: string; nextStartsPage: boolean }[];
  charts: { anchor: string; height: number }[][];
  /** Copyfittable sections: running text in columns, or a list in columns; `last` when the back cover follows. */
  sections: { anchor: string; nextAnchor: string; last: boolean; kind: "columns" | "list"; leading: number }[];
  /** The first heading of every section that opens a page by design. */
  starts: string[];
  areaHeight: number;
}

const script = inPageScript("balance");

const ident = (id: string) => id.replace(/[^\w-]/g, (c) => `\\${c.codePointAt(0)?.toString(16)} `);
const cssString = (text: string) => `"${[...text].map((c) => (/[\w ]/.test(c) ? c : `\\${c.codePointAt(0)?.toString(16)} `)).join("")}"`;

async function measure(page: Page, area: { width: number; height: number }): Promise<Measured> {
  // Laid out at the width of the page area, as when printing (the heights of rows depend on it).
  return (await page.evaluate(
    `(() => { const s = document.createElement("style"); s.id = "balance-width"; s.textContent = "html { width: ${area.width}px !important; }"; document.head.append(s);
      try { return (${script})("measure", ${area.height}); } finally { s.remove(); } })()`,
  )) as Measured;
}

export interface BalanceInput {
  /** Page of each heading anchor in the print just made. */
  pages: Record<string, number>;
  /** The page area in CSS px. */
  area: { width: number; height: number };
  /** Page of every named destination of that print, the rows' anchors included. */
  rowPages: ReadonlyMap<string, number>;
  /** Share of the page area each page's text fills (index 0 = page 1). */
  fill: number[];
}

/** Below this share of the page area, an inner page is nearly empty: preflight's threshold (src/readback/page-fill.ts). */
export const MIN_FILL = NEAR_EMPTY;

/** The fill faults of a print's pages, by the rule preflight judges the finished PDF by (src/readback/page-fill.ts). */
function faultsOf(m: Measured, input: BalanceInput): (FillFault | undefined)[] {
  const last = input.fill.length;
  // The covers (first and last pages) open by design, as page-start sections do.
  const own = new Set([1, last, ...m.starts.map((a) => input.pages[a] ?? 0)]);
  return fillFaults(input.fill, own, new Set([1, last]));
}
/**
 * Copyfitting steps, at most 3 either way: the leading of a section's running
 * text, 3 % at a time; in a list (the sources), 5 % of the leading and a
 * quarter of the space between items, since the items' spacing is most of
 * what a list can give. `fill`: about what a step adds to the last page.
 */
const STEP = { columns: { leading: 0.03, gap: 0, fill: 0.015 }, list: { leading: 0.05, gap: 0.25, fill: 0.06 } } as const;
const MAX_STEPS = 3;

/**
 * A section that opens a page and ends on a page its text fills to less
 * than a third: its leading is loosened (or, when only a few lines spill
 * over, tightened) a step at a time, the way a designer copyfits an article.
 */
function copyfit(m: Measured, input: BalanceInput, have: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const faults = faultsOf(m, input);
  for (const s of m.sections) {
    const start = input.pages[s.anchor];
    // The back cover prints on the last page and has no destination to look up.
    const end = (s.last ? input.fill.length : (input.pages[s.nextAnchor] ?? 0)) - 1;
    // Its last page ends the section before a page that opens one: only a third is asked of it.
    if (!start || end <= start || faults[end - 1] !== "near-empty") continue;
    const now = stepOf(have, s.anchor);
    const step = STEP[s.kind];
    const rules = (k: number) => {
      const at = `section:has(#${ident(s.anchor)})`;
      const mark = `/* copyfit ${k} */`;
      // The measured leading is that of step `now`: back to step 0 first.
      if (s.kind === "columns")
        return `${at} .columns :is(p, li):not(.lead) ${mark} { line-height: ${(s.leading / (1 + step.leading * now)) * (1 + step.leading * k)}; }`;
      // A list's styles scale with two factors (assets/styles/edition.css).
      return `${at} .source-list ${mark} { --copyfit-leading: ${1 + step.leading * k}; --copyfit-gap: ${1 + step.gap * k}; }`;
    };
    // A step adds a share of a page to the last one (its two columns share
    // the lines pushed over): take as many steps at once as the shortfall asks.
    const fill = input.fill[end - 1] ?? 0;
    const k = fill < 0.1 ? now - 1 : Math.min(MAX_STEPS, now + Math.max(1, Math.ceil((MIN_FILL - fill) / step.fill)));
    if (k !== now && Math.abs(k) <= MAX_STEPS) out.push(rules(k));
  }
  return out;
}

/** The copyfit step a section's rules are at (0 before any). */
function stepOf(have: ReadonlySet<string>, anchor: string): number {
  let k = 0;
  for (const r of have) if (r.startsWith(`section:has(#${ident(anchor)}) `)) k = Number(/copyfit (-?\d+)/.exec(r)?.[1] ?? k);
  return k;
}

/** A continued table the rules could not balance (too few rows to share). */
export interface TableFault {
  page: number;
  element: string;
  message: string;
}

/**
 * New CSS rules that balance the pages of the print just made (none when it
 * is balanced), and the faults of continued tables that no rule can mend.
 */
export async function balanceRules(
  page: Page,
  input: BalanceInput,
  have: ReadonlySet<string>,
): Promise<{ rules: string[]; faults: TableFault[] }> {
  const rules: string[] = [];
  const faults: TableFault[] = [];
  const first = await measure(page, input.area);
  // Charts of one group on one page, when they fit on one.
  const breaksBefore = new Set<string>();
  for (const group of first.charts) {
    const pages = new Set(group.map((c) => input.pages[c.anchor]));
    const height = group.reduce((sum, c) => sum + c.height, 0);
    const rule = `section.chart-section:has(#${ident(group[0].anchor)}) { break-before: page; }`;
    if (have.has(rule)) breaksBefore.add(group[0].anchor);
    else if (pages.size > 1 && height <= input.area.height) {
      rules.push(rule);
      breaksBefore.add(group[0].anchor);
    }
  }
  // A chart that runs over a page whatever is done flows on under the one before it.
  rules.push(...chartFlow(first, input, have));
  // Copyfitting, and the tables, wait until the charts have found their page.
  if (rules.length) return { rules, faults };
  rules.push(...copyfit(first, input, have));
  // Tables: only when one may run over a page (the rows' pages come from their anchors in the print).
  const long = first.tables.filter((t) => t.head + t.rows.reduce((s, r) => s + r.height, 0) > input.area.height / 2);
  const rowPages = input.rowPages;
  for (const t of long.length ? first.tables : []) {
    const at = t.rows.map((r) => rowPages.get(r.id) ?? 0);
    const last = Math.max(...at);
    if (at[0] === 0 || at[0] === last) continue;
    const table = `section:has(#${ident(t.anchor)}) table`;
    const sel = (r: Row) => `${table} > tbody:nth-of-type(${r.tbody}) > tr:nth-child(${r.row})`;
    // The last page: at least 3 rows and, when nothing follows on that page, a third of it.
    let k = at.indexOf(last);
    const alone = t.nextStartsPage || breaksBefore.has(t.nextAnchor);
    const fill = (from: number) => t.head + t.notes + t.rows.slice(from).reduce((s, r) => s + r.height, 0);
    const floor = at.indexOf(at[k - 1] ?? 0) + MIN_CONTINUED_ROWS;
    while (k > floor && (t.rows.length - k < MIN_CONTINUED_ROWS || (alone && fill(k) < input.area.height / 3))) k--;
    // A short service-model group (a third of a page at most) cut by the
    // last break goes whole to the next page, so that a group reads as one
    // (December's SaaS: 5 + 3 rows over pp. 8-9), when the page before stays
    // at least half full without it.
    const cut = t.rows[k];
    const group = t.rows.flatMap((r, i) => (r.tbody === cut.tbody ? [i] : []));
    const was = at.indexOf(last);
    const before = at[was - 1] ?? 0;
    if (cut.row > 1 && at[group[0]] === before) {
      const moved = t.rows.slice(group[0], was).reduce((sum, r) => sum + r.height, 0);
      const height = group.reduce((sum, i) => sum + t.rows[i].height, 0);
      if (height <= input.area.height / 3 && (input.fill[before - 1] ?? 0) - moved / input.area.height >= HALF_EMPTY) k = group[0];
    }
    if (k !== was) {
      // Labels wait for the next pass, when the rows have moved.
      rules.push(`${sel(t.rows[k])} { break-before: page; }`);
      continue;
    }
    // Every page the table continues on starts with its rows' service model.
    const starts = new Set<number>();
    for (let i = 1; i < at.length; i++) if (at[i] !== at[i - 1]) starts.add(i);
    for (const i of starts) {
      const r = t.rows[i];
      if (r.row > 1) rules.push(`${sel(r)} > th:first-child::before { content: ${cssString(r.model)}; }`);
    }
    const onLast = t.rows.length - k;
    if (onLast < MIN_CONTINUED_ROWS)
      faults.push({
        page: last,
        element: `table in #${t.anchor}`,
        message: `continues on this page with ${onLast} row${onLast === 1 ? "" : "s"} (${MIN_CONTINUED_ROWS} at least): the page before has too few to share`,
      });
  }
  const fresh = rules.filter((r) => !have.has(r));
  // Once the tables have found their pages: the last chart of a group, which
  // carries the group's source line, is not left alone on a page (December's
  // Figure 3 on p. 10) when the chart before it fits there too and the page
  // it leaves stays at least half full.
  if (!fresh.length) fresh.push(...chartOrphans(first, input, have));
  if (!fresh.length) fresh.push(...chartAir(first, input, have));
  return { rules: fresh, faults };
}

/**
 * A chart alone on a page left under half full (its group could not share
 * it), whose next chart runs over a page whatever is done (a long table of
 * stage changes: the generated months' history): that chart starts under it
 * instead of on the next page, its rows continuing there.
 */
function chartFlow(m: Measured, input: BalanceInput, have: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const faults = faultsOf(m, input);
  for (const group of m.charts)
    group.forEach((c, i) => {
      const next = group[i + 1];
      const at = input.pages[c.anchor] ?? 0;
      if (!next || !at || faults[at - 1] !== "half-empty" || next.height <= input.area.height) return;
      if (group.some((o) => o !== c && input.pages[o.anchor] === at)) return;
      const sel = `section.chart-section:has(#${ident(next.anchor)})`;
      const flow = `${sel}, ${sel} .chart-figure { break-inside: auto; }`;
      if (!have.has(flow)) out.push(flow);
    });
  return out;
}

/** Steps of air a chart alone on a page may take, and what a step multiplies its inner spacing by. */
const AIR = { steps: 3, step: 0.5 } as const;

/**
 * A chart alone on a page that its group could not share (April's Figure 3:
 * Figures 1-2 fill the page before, Figure 4 does not fit under it), left
 * under half full before a page that opens no section: the space inside
 * the figure (under its explanation, above its legend and caption) grows a
 * step at a time (`--chart-air`, assets/styles/edition.css), as a designer
 * airs a short page rather than leave its foot blank.
 */
function chartAir(m: Measured, input: BalanceInput, have: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const faults = faultsOf(m, input);
  const charts = m.charts.flat();
  for (const c of charts) {
    const at = input.pages[c.anchor] ?? 0;
    if (!at || faults[at - 1] !== "half-empty" || charts.some((o) => o !== c && input.pages[o.anchor] === at)) continue;
    const sel = `section.chart-section:has(#${ident(c.anchor)})`;
    let now = 0;
    for (const r of have) if (r.startsWith(`${sel} /* air `)) now = Math.max(now, Number(/air (\d+)/.exec(r)?.[1] ?? 0));
    if (now < AIR.steps) out.push(`${sel} /* air ${now + 1} */ { --chart-air: ${1 + AIR.step * (now + 1)}; }`);
  }
  return out;
}

function chartOrphans(m: Measured, input: BalanceInput, have: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const group of m.charts) {
    const pages = group.map((c) => input.pages[c.anchor] ?? 0);
    const n = group.length;
    const [prev, last] = [group[n - 2], group[n - 1]];
    const [from, to] = [pages[n - 2], pages[n - 1]];
    if (!from || to !== from + 1 || prev.height + last.height > input.area.height) continue;
    // The page it leaves: what else is on it stays (the charts before, a table's rows).
    if ((input.fill[from - 1] ?? 0) - prev.height / input.area.height < HALF_EMPTY) continue;
    const rule = `section.chart-section:has(#${ident(prev.anchor)}) { break-before: page; }`;
    if (!have.has(rule)) out.push(rule);
  }
  return out;
}
