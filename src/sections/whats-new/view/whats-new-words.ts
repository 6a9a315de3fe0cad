// The words of the "What's new" section, in each edition language. They live
// with the data function rather than in templates/labels/ so the section is
// one plug-in: schema, data, words and partial.

import type { CellState, TableChangeKind } from "../../../diff/diff-types.js";
import type { Language } from "../../../manifest/primitives.js";

export interface WhatsNewWords {
  /** {{date}} is the older edition's month, e.g. "March 2026" (French "de" elided before a vowel: "d’avril"). */
  intro: string;
  none: string;
  /** Each group's heading, singular (one line) and plural. */
  groups: Record<TableChangeKind | "paas", [string, string]>;
  previously: (offer: string) => string;
  /** "from J1 to J2": words, not an arrow the edition's fonts may lack. */
  change: (before: string, after: string) => string;
  /** A stage published where the older edition published none, with its date when known. */
  published: (stage: string, date?: string) => string;
  newProvider: string;
  inProgress: string;
  qualifiedList: string;
  stage: string;
  states: Record<CellState, string>;
  offerAdded: string;
  offerRemoved: string;
  qualificationObtained: string;
  qualificationWithdrawn: string;
  pillarAdded: string;
  pillarRemoved: string;
}

export const WHATS_NEW_WORDS: Record<Language, WhatsNewWords> = {
  en: {
    intro: "What changed in the tables since the {{date}} edition.",
    none: "Nothing changed in the tables since the {{date}} edition.",
    groups: {
      qualified: ["Newly qualified", "Newly qualified"],
      "new-applicant": ["New applicant", "New applicants"],
      stage: ["Stage reached", "Stages reached"],
      "stage-published": [
        "Stage published, where the earlier edition published none",
        "Stages published, where the earlier edition published none",
      ],
      "model-moved": ["Listed under another service model", "Listed under another service model"],
      withdrawn: ["No longer listed as an applicant", "No longer listed as applicants"],
      "qualified-added": ["Added to the qualified offers", "Added to the qualified offers"],
      "qualified-removed": ["No longer listed as qualified", "No longer listed as qualified"],
      paas: ["PaaS matrix", "PaaS matrix"],
    },
    previously: (offer) => `previously “${offer}”`,
    change: (before, after) => `from ${before} to ${after}`,
    published: (stage, date) => (date ? `${stage}, since ${date}` : stage),
    newProvider: "new provider",
    inProgress: "in progress",
    qualifiedList: "qualified",
    stage: "stage",
    states: {
      unavailable: "unavailable",
      "outside-scope": "available, outside the qualified scope",
      "in-scope": "available, within the qualified scope",
    },
    offerAdded: "added to the matrix",
    offerRemoved: "removed from the matrix",
    qualificationObtained: "qualification obtained",
    qualificationWithdrawn: "no longer marked as qualified",
    pillarAdded: "pillar added",
    pillarRemoved: "pillar removed",
  },
  fr: {
    intro: "Ce qui a changé dans les tableaux depuis l’édition de {{date}}.",
    none: "Rien n’a changé dans les tableaux depuis l’édition de {{date}}.",
    groups: {
      qualified: ["Nouvelle qualification", "Nouvelles qualifications"],
      "new-applicant": ["Nouveau candidat", "Nouveaux candidats"],
      stage: ["Étape franchie", "Étapes franchies"],
      "stage-published": [
        "Étape publiée, que l’édition précédente ne publiait pas",
        "Étapes publiées, que l’édition précédente ne publiait pas",
      ],
      "model-moved": ["Classé sous un autre modèle de service", "Classés sous un autre modèle de service"],
      withdrawn: ["Ne figure plus parmi les candidats", "Ne figurent plus parmi les candidats"],
      "qualified-added": ["Ajouté aux offres qualifiées", "Ajoutés aux offres qualifiées"],
      "qualified-removed": ["Ne figure plus parmi les qualifiés", "Ne figurent plus parmi les qualifiés"],
      paas: ["Matrice PaaS", "Matrice PaaS"],
    },
    previously: (offer) => `auparavant « ${offer} »`,
    change: (before, after) => `${/^[aeiouyàâéèêîô]/i.test(before) ? "d’" : "de "}${before} à ${after}`,
    published: (stage, date) => (date ? `${stage}, depuis le ${date}` : stage),
    newProvider: "nouveau prestataire",
    inProgress: "en cours",
    qualifiedList: "qualifié",
    stage: "stade",
    states: {
      unavailable: "indisponible",
      "outside-scope": "disponible, hors du périmètre qualifié",
      "in-scope": "disponible, dans le périmètre qualifié",
    },
    offerAdded: "ajoutée à la matrice",
    offerRemoved: "retirée de la matrice",
    qualificationObtained: "qualification obtenue",
    qualificationWithdrawn: "n'est plus indiquée comme qualifiée",
    pillarAdded: "pilier ajouté",
    pillarRemoved: "pilier retiré",
  },
};
