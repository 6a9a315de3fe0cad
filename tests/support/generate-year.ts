// Editions as the editors will write them after April 2026, generated month by
// month from the April manifest: new applicants every month (some with "&",
// quotes and long names), stages that advance with dated sources, a
// qualification every few months, a withdrawal, a provider renamed, a "what's
// new" against the month before, and some months in both languages with the
// same data. Deterministic: the same call writes the same files.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";
import { projectRoot } from "../../src/paths.js";

type Stage = "J0" | "J1" | "J2" | "J3";
type Model = "IaaS" | "CaaS" | "PaaS" | "SaaS";
interface Row {
  provider: string;
  provider_id?: string;
  offer: string;
  offer_id?: string;
  stage?: Stage;
  since?: string;
  source?: string;
}
interface Source {
  id: string;
  title: string;
  kind: string;
  publisher: string;
  date: string;
  url: string;
  about?: string;
}
type Tables = Record<Model, { in_progress: Row[]; qualified: Row[] }>;

const MODELS: Model[] = ["IaaS", "CaaS", "PaaS", "SaaS"];
const EN_MONTHS = [
  "JANUARY",
  "FEBRUARY",
  "MARCH",
  "APRIL",
  "MAY",
  "JUNE",
  "JULY",
  "AUGUST",
  "SEPTEMBER",
  "OCTOBER",
  "NOVEMBER",
  "DECEMBER",
];
const FR_MONTHS = ["JANVIER", "FÉVRIER", "MARS", "AVRIL", "MAI", "JUIN", "JUILLET", "AOÛT", "SEPTEMBRE", "OCTOBRE", "NOVEMBRE", "DÉCEMBRE"];

/** New applicants, one a month, in order: long names, "&", apostrophes, accents. */
const NEWCOMERS: { provider: string; offer: string; model: Model }[] = [
  { provider: "Dupont & Fils Hébergement", offer: "Cloud Souverain D&F", model: "IaaS" },
  {
    provider: "Établissements Ferrand & Associés pour l’Infrastructure Numérique des Collectivités Territoriales",
    offer: "Plateforme d’hébergement de confiance des collectivités territoriales et des établissements publics",
    model: "IaaS",
  },
  { provider: "O'Brien Data", offer: "Kubernetes 'Sovereign' Edition", model: "CaaS" },
  { provider: "AT&T Europe", offer: "Trusted Containers R&D", model: "CaaS" },
  { provider: "Nuage Hauts-de-France", offer: "Nuage Régional SecNumCloud", model: "PaaS" },
  { provider: "Procter & Gamble IT Services", offer: "P&G Secure Workplace", model: "SaaS" },
  { provider: "Quasar Cloud", offer: "Quasar Object Storage", model: "IaaS" },
  { provider: "Île-de-France Numérique", offer: "Cloud Francilien", model: "PaaS" },
  { provider: "Mistral Hébergement", offer: "Inference Souveraine", model: "SaaS" },
  { provider: "Centre-Val de Loire Data", offer: "Région Cloud", model: "IaaS" },
  { provider: "Wolf & Lamb Security", offer: "W&L Secure Mail", model: "SaaS" },
  { provider: "Zéphyr Systèmes", offer: "Zéphyr PaaS Managé", model: "PaaS" },
];

/** Sections without data, whose wording a French month takes from the French edition. */
const WORDED = ["cover", "explainer", "criteria", "procedure", "glossary", "back-cover"];

const NEXT: Record<Stage, Stage | undefined> = { J0: "J1", J1: "J2", J2: "J3", J3: undefined };
const pad = (n: number) => String(n).padStart(2, "0");
const monthId = (y: number, m: number) => `${y}-${pad(m)}`;
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

function editorial(language: "fr" | "en", label: string, changes: string[]) {
  const en = [
    `This month's tables: ${changes.join("; ")}.`,
    "R&D, AT&T, Procter & Gamble: the names are printed as typed, and so is markup shown literally, such as &lt;b&gt; and &amp;.",
    "Organizations' expectations have moved since the '90s: as one buyer put it, \"the cloud is 'sovereign' only when the contract says so\", and *\"trust\"* is earned.",
    `Read the [ANSSI's list](https://cyber.gouv.fr/produits-services-qualifies?type=cloud&sort=date) for the full record of the ${label.toLowerCase().replace(/^\p{L}/u, (c) => c.toUpperCase())}.`,
  ];
  const fr = [
    `Les tableaux de ce mois : ${changes.join(" ; ")}.`,
    "R&D, AT&T, Procter & Gamble : les noms s'impriment tels qu'ils sont saisis, et le balisage montré tel quel aussi, comme &lt;b&gt; et &amp;.",
    "Les attentes des organisations ont changé depuis les années '90 : comme le dit un acheteur, \"le cloud n'est 'souverain' que si le contrat le dit\", et *\"la confiance\"* se gagne.",
    `Voir la [liste de l'ANSSI](https://cyber.gouv.fr/produits-services-qualifies?type=cloud&sort=date) pour l'état complet.`,
  ];
  const blocks = (language === "fr" ? fr : en).map((p) => ({ p }));
  return {
    type: "editorial",
    id: "editorial",
    lead:
      language === "fr"
        ? "Un mois de plus au registre : qui candidate, qui avance, qui est qualifié."
        : "One more month on the record: who applies, who moves on, who is qualified.",
    blocks,
    closing: language === "fr" ? "La rédaction" : "The editors",
  };
}

export interface GeneratedEdition {
  id: string;
  languages: ("fr" | "en")[];
}

/**
 * Writes `editions/` under `root`: the project's own editions, then `months`
 * editions after April 2026. `bilingual` months get fr.yaml beside en.yaml.
 */
export function generateYear(root: string, options: { months?: number; bilingual?: string[] } = {}): GeneratedEdition[] {
  const months = options.months ?? 12;
  const bilingual = new Set(options.bilingual ?? ["2026-07", "2026-11"]);
  const editionsDir = path.join(root, "editions");
  cpSync(path.join(projectRoot, "editions"), editionsDir, { recursive: true });
  const april = parse(readFileSync(path.join(projectRoot, "editions/2026-04/en.yaml"), "utf8"));
  const december = parse(readFileSync(path.join(projectRoot, "editions/2025-12/fr.yaml"), "utf8"));
  const table = april.sections.find((s: { type: string }) => s.type === "providers");
  const tables = Object.fromEntries(MODELS.map((m) => [m, { in_progress: [], qualified: [] }])) as unknown as Tables;
  for (const m of table.models) tables[m.model as Model] = { in_progress: [...m.in_progress], qualified: [...m.qualified] };
  const decemberStages = new Map<string, Row>();
  for (const m of december.sections.find((s: { type: string }) => s.type === "providers").models)
    for (const r of m.in_progress as Row[]) if (r.stage) decemberStages.set(`${m.model}:${r.provider}`, r);
  const sources: Source[] = [];
  const out: GeneratedEdition[] = [];
  let previous = "2026-04";

  for (let i = 1; i <= months; i++) {
    const y = 2026 + Math.floor((3 + i) / 12);
    const m = ((3 + i) % 12) + 1;
    const id = monthId(y, m);
    const day = (d: number) => `${id}-${pad(d)}`;
    const changes: string[] = [];
    // A dated press release per stage, dated as the stage it reports.
    const addSource = (about: string, what: string, d: number | string) => {
      const sid = `${about}-${id}-${sources.length + 1}`;
      const date = typeof d === "string" ? d : day(d);
      const [sy, sm, sd] = date.split("-");
      sources.push({
        id: sid,
        title: `${what} — communiqué du ${sd}/${sm}/${sy}`,
        kind: "Press release",
        publisher: "ANSSI & partenaires",
        date,
        url: `https://www.example-press.fr/communiques/${sy}/${sm}/${about}-secnumcloud-etape-franchie-pour-l-offre?id=${i}&lang=fr`,
        about,
      });
      return sid;
    };
    // A newcomer at J0, with its dated source.
    const n = NEWCOMERS[(i - 1) % NEWCOMERS.length];
    const round = Math.floor((i - 1) / NEWCOMERS.length);
    const provider = round ? `${n.provider} ${round + 1}` : n.provider;
    const pid = slug(provider);
    tables[n.model].in_progress.push({
      provider,
      offer: n.offer,
      stage: "J0",
      since: day(3),
      source: addSource(pid, `${provider} : dossier déposé`, 3),
    });
    changes.push(`${provider} applies`);
    // Stages move: the two applicants furthest behind the others, once a month each.
    const movers = MODELS.flatMap((model) => tables[model].in_progress.map((r) => ({ model, r }))).filter(
      ({ r }) => r.stage && NEXT[r.stage as Stage] && !r.since?.startsWith(id),
    );
    for (const { r } of movers.slice(0, 2)) {
      r.stage = NEXT[r.stage as Stage];
      r.since = day(10);
      const rid = r.provider_id ?? slug(r.provider);
      r.source = addSource(rid, `${r.provider} : étape ${r.stage}`, 10);
      changes.push(`${r.provider} reaches ${r.stage}`);
    }
    // Applicants of April publish their stage again, two a month: the one December
    // published (with its date), or J0 filed this month.
    const unstaged = MODELS.flatMap((model) => tables[model].in_progress.map((r) => ({ model, r }))).filter(({ r }) => !r.stage);
    for (const { model, r } of unstaged.slice(0, 2)) {
      const known = decemberStages.get(`${model}:${r.provider}`);
      r.stage = known?.stage ?? "J0";
      r.since = known?.since ?? day(12);
      r.source = addSource(r.provider_id ?? slug(r.provider), `${r.provider} : étape ${r.stage}`, r.since);
    }
    // A qualification every three months: an applicant at J3 moves to the qualified list.
    if (i % 3 === 0)
      for (const model of MODELS) {
        const at = tables[model].in_progress.findIndex((r) => r.stage === "J3");
        if (at < 0) continue;
        const [r] = tables[model].in_progress.splice(at, 1);
        const source = addSource(r.provider_id ?? slug(r.provider), `${r.provider} : qualification SecNumCloud`, 20);
        tables[model].qualified.push({
          provider: r.provider,
          provider_id: r.provider_id,
          offer: r.offer,
          stage: "J3",
          since: day(20),
          source,
        });
        changes.push(`${r.provider} is qualified`);
        break;
      }
    // A withdrawal in the fifth month, a provider renamed in the seventh (same id).
    if (i === 5) {
      const gone = tables.SaaS.in_progress.shift();
      if (gone) changes.push(`${gone.provider} withdraws`);
    }
    if (i === 7)
      for (const model of MODELS)
        for (const r of [...tables[model].in_progress, ...tables[model].qualified])
          if (r.provider === "Numspot") Object.assign(r, { provider: "NumSpot Souverain", provider_id: "numspot" });

    const cited = new Set(
      MODELS.flatMap((model) => [...tables[model].in_progress, ...tables[model].qualified].map((r) => r.source).filter(Boolean)),
    );
    const languages: ("fr" | "en")[] = bilingual.has(id) ? ["en", "fr"] : ["en"];
    for (const language of languages) {
      const fr = language === "fr";
      const label = fr ? `ÉDITION ${FR_MONTHS[m - 1]} ${y}` : `${EN_MONTHS[m - 1]} ${y} EDITION`;
      // French months take the French wording of December 2025 for the sections that carry no data.
      const wording = fr ? december.sections : april.sections;
      const seen = new Map<string, number>();
      const sections = structuredClone(april.sections)
        .filter((s: { type: string }) => s.type !== "editorial")
        .map((s: { type: string; id?: string }) => {
          const k = seen.get(s.type) ?? 0;
          seen.set(s.type, k + 1);
          const same = wording.filter((w: { type: string }) => w.type === s.type)[k];
          if (WORDED.includes(s.type)) return same ? { ...structuredClone(same), id: s.id } : s;
          if (!fr) return s;
          // Data sections keep their data and take the French edition's headings.
          const chart = (s as { chart?: string }).chart;
          const french = chart ? wording.find((w: { chart?: string }) => w.chart === chart) : same;
          const headings = ["kicker", "title", "subtitle", "columns", "notes"].filter((f) => french?.[f] !== undefined);
          return {
            ...s,
            ...Object.fromEntries(headings.map((f) => [f, structuredClone(french[f])])),
            ...(chart === "history" ? { title: "L'Observatoire mois après mois" } : {}),
          };
        });
      const at = sections.findIndex((s: { type: string }) => s.type === "providers");
      sections[at].models = MODELS.map((model) => ({ model, ...structuredClone(tables[model]) }));
      sections.splice(2, 0, editorial(language, label, changes));
      sections.splice(3, 0, {
        type: "whats-new",
        id: "whats-new",
        title: fr ? "Quoi de neuf ce mois-ci" : "What's new this month",
        since: previous,
      });
      const back = sections.findIndex((s: { type: string }) => s.type === "back-cover");
      sections.splice(back, 0, {
        type: "sources",
        id: "sources",
        title: fr ? "Sources" : "Sources",
        // The releases are French: an English edition says so (lang), as the reader's screen reader needs.
        items: sources.filter((s) => cited.has(s.id)).map((s) => (fr ? s : { ...s, lang: "fr" })),
      });
      const manifest = {
        ...april,
        edition: {
          ...april.edition,
          id,
          language,
          label,
          // Published at the end of its month: the month's dated events come before it.
          date: `${id}-28`,
          subject: fr
            ? `Suivi mensuel des candidats à la qualification SecNumCloud de l'ANSSI, ${label.toLowerCase()}`
            : april.edition.subject,
          // A French month is named and indexed in French, as December's manifest is.
          ...(fr && { publication: december.edition.publication, keywords: december.edition.keywords }),
        },
        sections,
      };
      mkdirSync(path.join(editionsDir, id), { recursive: true });
      writeFileSync(
        path.join(editionsDir, id, `${language}.yaml`),
        `# yaml-language-server: $schema=../edition.schema.json\n${stringify(manifest, { lineWidth: 0 })}`,
      );
    }
    out.push({ id, languages });
    previous = id;
  }
  return out;
}
