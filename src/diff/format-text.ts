// The diff for a person at a terminal: grouped by kind of change, one line per
// offer, then what could not be compared. English, like the other CLIs.
import { count } from "../manifest/show-value.js";
import { type ChangeLine, changeLines } from "./change-lines.js";
import type { CellValue, EditionDiff, EditionRef, PaasChange, TableChangeKind } from "./diff-types.js";
import { TABLE_CHANGE_KINDS } from "./diff-types.js";

const HEADINGS: Record<TableChangeKind, string> = {
  qualified: "Qualified, were applicants",
  "new-applicant": "New applicants",
  stage: "Moved stage",
  "stage-published": "Stage published, none in the earlier edition",
  "model-moved": "Listed under another service model",
  withdrawn: "Applicants no longer listed",
  "qualified-added": "Qualified without having been listed as applicants",
  "qualified-removed": "Qualified offers no longer listed",
};

const edition = (e: EditionRef) => `${e.id} (${e.language}, ${e.label})`;

function describe(line: ChangeLine): string {
  const models = line.models.join(", ");
  const base = `${line.provider} — ${line.offer}`;
  switch (line.kind) {
    case "qualified":
      return `${base}  [${models}]${line.previousOffer ? `  (was "${line.previousOffer}")` : ""}`;
    case "stage":
      return `${base}  [${models}]  ${line.stageBefore} -> ${line.stageAfter}`;
    case "stage-published":
      return `${base}  [${models}]  ${line.stageAfter}${line.since ? ` since ${line.since}` : ""}`;
    case "model-moved":
      return `${base}  ${line.fromModel} -> ${models}  (${line.list === "qualified" ? "qualified" : "in progress"})`;
    case "new-applicant":
    case "qualified-added":
      return `${base}  [${models}]${line.newProvider ? "  (new provider)" : ""}`;
    default:
      return `${base}  [${models}]`;
  }
}

const cell = (c: CellValue) => `${c.state}${c.stage ? ` (stage ${c.stage})` : ""}`;

function describePaas(c: PaasChange): string {
  switch (c.kind) {
    case "paas-offer-added":
      return `offer added: ${c.offer}${c.after ? " (qualified)" : ""}`;
    case "paas-offer-removed":
      return `offer removed: ${c.offer}`;
    case "paas-qualified":
      return `${c.offer}: ${c.after ? "qualification obtained" : "no longer marked as qualified"}`;
    case "paas-pillar-added":
      return `pillar added: ${c.pillarLabel}`;
    case "paas-pillar-removed":
      return `pillar removed: ${c.pillarLabel}`;
    case "paas-cell":
      return `${c.pillarLabel} × ${c.offer}: ${cell(c.before as CellValue)} -> ${cell(c.after as CellValue)}`;
  }
}

export function formatDiffText(diff: EditionDiff): string {
  const out: string[] = [`What changed from ${edition(diff.before)} to ${edition(diff.after)}`, ""];
  const lines = changeLines(diff.table);
  for (const kind of TABLE_CHANGE_KINDS) {
    const ofKind = lines.filter((l) => l.kind === kind);
    if (!ofKind.length) continue;
    out.push(`${HEADINGS[kind]} (${ofKind.length})`, ...ofKind.map((l) => `  ${describe(l)}`), "");
  }
  if (diff.paas.length) out.push(`PaaS matrix (${diff.paas.length})`, ...diff.paas.map((c) => `  ${describePaas(c)}`), "");

  const notCompared: string[] = [];
  const only = (what: string, p: string) => {
    if (p === "before-only") notCompared.push(`${what}: only in ${diff.before.id}`);
    if (p === "after-only") notCompared.push(`${what}: only in ${diff.after.id}`);
    if (p === "neither") notCompared.push(`${what}: in neither edition`);
  };
  only("providers table", diff.compared.providers);
  only("PaaS matrix", diff.compared.paas);
  if (diff.stagesNotStated.length)
    notCompared.push(
      `stages: ${count(diff.stagesNotStated.length, "applicant offer")} had a stage in ${diff.before.id} and none stated in ${diff.after.id} (not counted as moves)`,
    );
  if (notCompared.length) out.push("Not compared", ...notCompared.map((n) => `  ${n}`), "");

  const total = lines.length + diff.paas.length;
  out.push(total ? `${count(total, "change")} in the tables` : "No change in the tables");
  return `${out.join("\n")}\n`;
}
