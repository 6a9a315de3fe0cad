// Anchors carried by every measuring print: each table row gets an id and a
// hidden link to it (in-page/balance.js, mode "probe"), so that Chromium writes
// a named destination, its page, for every row in the same print that is
// measured. No separate probe print: the print that is measured is also the
// one that may be kept.
//
// A print kept must not carry them, and must not depend on them: Chromium
// lists its named destinations in the order of a hash table (the order of the
// headings' entries changes when rows are added), so the kept print's /Dests
// is rewritten in place, the rows' entries dropped and the headings' sorted
// by name, padded to the same length so that every xref offset still holds.
// A print with or without the anchors then has the same bytes, dates aside.
import type { Page } from "puppeteer-core";
import { inPageScript } from "./in-page-script.js";

/** Named destinations of the rows' anchors start with this (in-page/balance.js). */
export const ANCHOR_PREFIX = "balance-row-";

/** Put the rows' anchors into the page as it stands (idempotent: a row keeps its id). */
export async function addPrintAnchors(page: Page): Promise<void> {
  await page.evaluate(`(${inPageScript("balance")})("probe", 0) && undefined`);
}

/** The page of each heading (and element a link targets), without the rows' anchors. */
export function withoutAnchors(pages: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...pages].filter(([name]) => !name.startsWith(ANCHOR_PREFIX)));
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/**
 * The print with its /Dests dictionary in name order and the rows' entries
 * blanked (same length). Chromium writes the dictionary as one plain object of
 * `/name [page 0 R /XYZ x y z]` lines; anything else is left as it is.
 */
export function keptPrint(pdf: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const ref = /\/Type\s*\/Catalog[^>]*?\/Dests\s+(\d+)\s+0\s+R/.exec(text) ?? /\/Dests\s+(\d+)\s+0\s+R[^>]*?\/Type\s*\/Catalog/.exec(text);
  if (!ref) return pdf;
  const head = new RegExp(`(?:^|[\\r\\n])${ref[1]} 0 obj\\s*<<`).exec(text);
  if (!head) return pdf;
  const start = head.index + head[0].length;
  const end = text.indexOf(">>", start);
  if (end < 0 || !/^\s*endobj/.test(text.slice(end + 2, end + 40))) return pdf;
  const body = text.slice(start, end);
  const entries = [...body.matchAll(/\/([^\s/[\]<>()]+)\s*\[([^\]]*)\]/g)];
  // Every byte of the body must belong to an entry or be white space: otherwise not Chromium's plain form.
  if (body.replace(/\/([^\s/[\]<>()]+)\s*\[([^\]]*)\]/g, "").trim() !== "") return pdf;
  const kept = entries
    .filter(([, name]) => !name.startsWith(ANCHOR_PREFIX))
    .map(([, name, array]) => ({ name, line: `/${name} [${array}]` }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => e.line)
    .join("\n");
  if (kept.length > body.length) return pdf;
  const out = new Uint8Array(pdf);
  // The dictionary closes where it did; the bytes freed before it become spaces.
  Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(kept.padEnd(body.length, " "), start, "latin1");
  return out;
}

/** Take the anchors out again (the page as the editors made it, for preflight's look at it). */
export async function removePrintAnchors(page: Page): Promise<void> {
  await page.evaluate(`(${inPageScript("balance")})("remove", 0)`);
}
