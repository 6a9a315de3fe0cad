// What a conformance check reports, and what every check is given.
import type { PDFDocument } from "pdf-lib";

export type Standard = "PDF/A-3" | "PDF/UA-1";

export interface ConformanceFinding {
  standard: Standard;
  /** The veraPDF profile's rule: clause-test ("6.2.11.4.1-1", "7.18.5-2"). */
  rule: string;
  /** 1-based page, when the object is on a page. */
  page?: number;
  /** The object at fault: "12 0 R", "StructElem LI (34 0 R)", "XMP packet". */
  object?: string;
  message: string;
}

/** The rule ids a check reports under: its PDF/A-3 id, its PDF/UA-1 id, or both (the same requirement). */
export interface RuleIds {
  a?: string;
  ua?: string;
}

export interface Where {
  page?: number;
  object?: string;
}

export interface CheckContext {
  doc: PDFDocument;
  bytes: Uint8Array;
  /** What the file claims: the PDF/UA checks run only when it claims PDF/UA-1. */
  standards: Standard[];
  fail(ids: RuleIds, where: Where, message: string): void;
}

/** A family of rules: the ids it tests (all of them, on every object they apply to) and the test. */
export interface Check {
  family: string;
  ids: RuleIds[];
  run(ctx: CheckContext): void;
}
