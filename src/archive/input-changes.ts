// Which recorded input differs from now: the answer `verify --rebuild` gives
// when a rebuilt PDF is not byte-identical to the archived one.
import type { BuildInputs, Versions } from "./record.js";

export interface InputChange {
  input:
    | "templates"
    | "assets"
    | "fonts"
    | "code"
    | "Chromium"
    | "Node"
    | "pdf-lib"
    | "puppeteer-core"
    | "project version"
    | "system fonts";
  detail: string;
}

const MAX_NAMES = 5;

/** "sections/cover.hbs changed, styles/x.css added" */
export function fileChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const changes: string[] = [];
  for (const [name, sha] of Object.entries(after)) {
    if (!(name in before)) changes.push(`${name} added`);
    else if (before[name] !== sha) changes.push(`${name} changed`);
  }
  for (const name of Object.keys(before)) if (!(name in after)) changes.push(`${name} removed`);
  return changes.sort();
}

const listed = (changes: string[]) =>
  changes.length > MAX_NAMES ? `${changes.slice(0, MAX_NAMES).join(", ")} and ${changes.length - MAX_NAMES} more` : changes.join(", ");

export function inputChanges(
  recorded: { inputs: BuildInputs; versions: Versions },
  now: { inputs: BuildInputs; versions: Versions },
): InputChange[] {
  const changes: InputChange[] = [];
  for (const input of ["templates", "assets", "code"] as const) {
    const was = recorded.inputs[input];
    const is = now.inputs[input];
    if (was.sha256 !== is.sha256) changes.push({ input, detail: listed(fileChanges(was.files, is.files)) });
  }
  const fonts = [
    ...Object.entries(now.inputs.fonts.packages)
      .filter(([name, v]) => recorded.inputs.fonts.packages[name] !== v)
      .map(([name, v]) => `${name} ${recorded.inputs.fonts.packages[name] ?? "absent"} → ${v}`),
    ...fileChanges(recorded.inputs.fonts.files, now.inputs.fonts.files),
  ];
  if (recorded.inputs.fonts.sha256 !== now.inputs.fonts.sha256)
    changes.push({ input: "fonts", detail: listed(fonts) || "the font list changed" });
  const wasSystem = recorded.inputs.systemFonts;
  const isSystem = now.inputs.systemFonts;
  if (wasSystem && isSystem && wasSystem.sha256 !== isSystem.sha256)
    changes.push({ input: "system fonts", detail: `${wasSystem.count} → ${isSystem.count} fonts installed, or one of them changed` });
  const versions: [keyof Versions, InputChange["input"]][] = [
    ["chromium", "Chromium"],
    ["node", "Node"],
    ["pdf-lib", "pdf-lib"],
    ["puppeteer-core", "puppeteer-core"],
    ["project", "project version"],
  ];
  for (const [key, input] of versions)
    if (recorded.versions[key] !== now.versions[key]) changes.push({ input, detail: `${recorded.versions[key]} → ${now.versions[key]}` });
  return changes;
}
