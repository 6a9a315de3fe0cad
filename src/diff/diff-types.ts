// What a comparison of two editions produces. Plain data: the text report, the
// JSON output and the "What's new" section all read this one shape.
import type { Language, ServiceModel, Stage } from "../manifest/primitives.js";
import type { CELL_STATES } from "../sections/paas-zoom.js";

export interface EditionRef {
  id: string;
  language: Language;
  label: string;
  date: string;
}

/** One row of a providers table, with the identities rows are matched by. */
export interface OfferRef {
  provider: string;
  providerId: string;
  offer: string;
  offerId: string;
  stage?: Stage;
  /** The date of that stage, when the edition gives one (YYYY-MM-DD). */
  since?: string;
}

export type TableList = "in_progress" | "qualified";

export const TABLE_CHANGE_KINDS = [
  /** An applicant's offer now listed as qualified (the offer may have been renamed). */
  "qualified",
  "new-applicant",
  "stage",
  /**
   * A stage the newer edition publishes where the older one published none: not
   * a move (the older edition said nothing), printed with its own date.
   */
  "stage-published",
  /** Same provider and offer, listed under another service model. */
  "model-moved",
  /** An applicant's offer that is gone, without being qualified. */
  "withdrawn",
  /** Listed as qualified without having been an applicant for that model. */
  "qualified-added",
  "qualified-removed",
] as const;
export type TableChangeKind = (typeof TABLE_CHANGE_KINDS)[number];

export interface TableChange {
  kind: TableChangeKind;
  /** The model in the newer edition (in the older one for removals). */
  model: ServiceModel;
  /** model-moved: where the row was before, and in which list. */
  fromModel?: ServiceModel;
  list?: TableList;
  before?: OfferRef;
  after?: OfferRef;
  /** new-applicant, qualified-added: the provider appears nowhere in the older table. */
  newProvider?: boolean;
}

export type CellState = (typeof CELL_STATES)[number];
export interface CellValue {
  state: CellState;
  stage?: 1 | 2;
}

export const PAAS_CHANGE_KINDS = [
  "paas-offer-added",
  "paas-offer-removed",
  "paas-qualified",
  "paas-pillar-added",
  "paas-pillar-removed",
  "paas-cell",
] as const;
export type PaasChangeKind = (typeof PAAS_CHANGE_KINDS)[number];

export interface PaasChange {
  kind: PaasChangeKind;
  /** Offer id of the matrix; absent for pillar changes. */
  offerId?: string;
  offer?: string;
  pillar?: string;
  pillarLabel?: string;
  /** paas-qualified: the "qualification obtained" mark; paas-cell: the cell. */
  before?: boolean | CellValue;
  after?: boolean | CellValue;
}

/** Whether a kind of block could be compared: it must be in both editions. */
export type Presence = "both" | "before-only" | "after-only" | "neither";

export interface EditionDiff {
  before: EditionRef;
  after: EditionRef;
  compared: { providers: Presence; paas: Presence };
  table: TableChange[];
  paas: PaasChange[];
  /**
   * Offers still listed whose stage the newer edition no longer states. An
   * edition that prints no stages says nothing about them: not a move.
   */
  stagesNotStated: { model: ServiceModel; offer: OfferRef }[];
}
