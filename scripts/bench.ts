// Benchmark (not a test): whole processes, as a person waits for them, measured
// side by side in one run. Each round runs every command once, in the same
// order, so a busy machine slows them alike; the figures are medians.
//   npm run bench [-- --runs 5 --edition 2026-04 --preview-runs 5 --no-preview --before DIR --scale 12,48 --no-scale]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { latestEdition } from "../src/manifest/discover.js";
import { projectRoot } from "../src/paths.js";
import { pagesBuilt, scaleEditions, treeRun } from "./bench-scale.js";
import { scriptArgs } from "./script-args.js";

const { values } = scriptArgs(
  `Usage: npm run bench [-- --runs N --edition YYYY-MM --preview-runs N --no-preview --before DIR
                          --scale N,M --no-scale]

Times whole processes, side by side, N rounds (medians), and prints the ratios
the project aims at:
  observatory --help            against node -e 0                  (aim <= 2.5)
  observatory check YYYY-MM     against node -e 0                  (aim <= 6)
  npm run build:edition         against a plain Chromium print of
                                the same HTML (scripts/plain-print.mjs), into an
                                empty folder (aim <= 2.0) and over an earlier
                                build (aim <= 1.2)
  observatory build --all       against one edition                (aim <= 1.6)
  prints per build              fresh and over a build, each edition (aim 3 and 1)
  preview, save to page shown   page view, 2025-12 (measure:preview, aim 300 ms)
  build --all of 12 and of 48   editions (generated months after the project's
                                own): time per edition and per page, and the
                                process tree's peak memory (aim: linear, flat)
each beside the figure issue 18 measured before its work, and where the build's
time goes, stage by stage. Writes only in a temporary folder.
  --runs N            rounds (default 5)
  --edition YYYY-MM   the edition built (default: the latest)
  --preview-runs N    saves timed in the preview (default 5)
  --no-preview        skip the preview measurement
  --before DIR        also run the builds from another checkout (set up, e.g. a
                      clone of main), interleaved in each round: before and after
                      side by side in one run
  --scale N,M         the edition counts of the scale figures (default 12,48),
                      each one whole --all, once (with --before: before, then now)
  --no-scale          skip the scale figures
  -h, --help          show this help
`,
  {
    runs: { type: "string", default: "5" },
    edition: { type: "string" },
    "preview-runs": { type: "string", default: "5" },
    "no-preview": { type: "boolean", default: false },
    before: { type: "string" },
    scale: { type: "string", default: "12,48" },
    "no-scale": { type: "boolean", default: false },
  },
);
const runs = Number(values.runs);
const edition = values.edition ?? (await latestEdition());
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-"));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => `${Math.round(x)} ms`.padStart(8);
const BIN = path.join(projectRoot, "bin", "observatory.js");
const env = { ...process.env, NO_COLOR: "1" };

let lastStdout = "";

/** Runs a command to its end and returns the wall-clock time; a failure stops the benchmark. */
function timed(cmd: string, args: string[], cwd = projectRoot): number {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8" });
  const elapsed = performance.now() - start;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  lastStdout = r.stdout;
  return elapsed;
}

const node =
  (...args: string[]) =>
  () =>
    timed(process.execPath, args);
const observatory = (...args: string[]) => node(BIN, ...args);
const out = (name: string) => path.join(tmp, name);
let round = 0;

const warm = out("warm");
timed(process.execPath, [BIN, "build", edition, "--out-dir", warm]); // disk cache, and the HTML to print
const html = path.join(warm, edition, `${edition}-en.html`);

const CASES: Record<string, () => number> = {
  "node -e 0": node("-e", "0"),
  "observatory --help": observatory("--help"),
  [`observatory check ${edition}`]: observatory("check", edition),
  "plain Chromium print": () => {
    const t = timed(process.execPath, [path.join(projectRoot, "scripts", "plain-print.mjs"), html, out(`plain-${round}.pdf`)]);
    for (const [step, ms] of Object.entries(JSON.parse(lastStdout) as Record<string, number>)) {
      plainSteps[step] ??= [];
      plainSteps[step].push(ms);
    }
    return t;
  },
  ...buildCases(projectRoot, ""),
  ...(values.before ? buildCases(path.resolve(values.before), "before: ") : {}),
};

/** The build cases, run from the checkout at `root` (this one, or --before's). */
function buildCases(root: string, tag: string): Record<string, () => number> {
  const bin = path.join(root, "bin", "observatory.js");
  const o = (name: string) => out(`${tag ? "before-" : ""}${name}`);
  const run = (...args: string[]) => timed(process.execPath, [bin, ...args], root);
  timed(process.execPath, [bin, "build", "--all", "--out-dir", o("warm")], root);
  return {
    [`${tag}npm run build:edition, empty output/`]: () =>
      timed("npm", ["run", "-s", "build:edition", "--", edition, "--out-dir", o(`empty-${round}`)], root),
    [`${tag}npm run build:edition, over a build`]: () =>
      timed("npm", ["run", "-s", "build:edition", "--", edition, "--out-dir", o("warm")], root),
    [`${tag}observatory build ${edition}`]: () => run("build", edition, "--out-dir", o(`one-${round}`)),
    [`${tag}observatory build --all`]: () => run("build", "--all", "--out-dir", o(`all-${round}`)),
    [`${tag}observatory build --all, over a build`]: () => run("build", "--all", "--out-dir", o("warm")),
  };
}

/** Prints per job of a build, read from its reports (`prints`, or counted from the print stages of a report that has none). */
function printsOf(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of readdirSync(dir)) {
    if (!/^\d{4}-\d{2}$/.test(id)) continue;
    for (const f of readdirSync(path.join(dir, id)).filter((n) => n.endsWith(".report.json"))) {
      const r = JSON.parse(readFileSync(path.join(dir, id, f), "utf8")) as { prints?: number; timingsMs: Record<string, number> };
      const stages = Object.keys(r.timingsMs);
      counts[f.replace(".report.json", "")] =
        r.prints ??
        stages.filter((st) => /^(print|reprint-\d+|print-contents|print-again)$/.test(st)).length +
          // Before issue 18, each measure with a long table made a probe print of its own.
          stages.filter((st) => /^measure-\d+$/.test(st)).length;
    }
  }
  return counts;
}
const times: Record<string, number[]> = Object.fromEntries(Object.keys(CASES).map((k) => [k, []]));
const stages: Record<string, number[]> = {};
const plainSteps: Record<string, number[]> = {};

try {
  for (round = 0; round < runs; round++) {
    for (const [name, run] of Object.entries(CASES)) times[name].push(run());
    const report = JSON.parse(readFileSync(path.join(out(`one-${round}`), edition, `${edition}-en.report.json`), "utf8"));
    for (const [stage, t] of Object.entries(report.timingsMs as Record<string, number>)) {
      stages[stage] ??= [];
      stages[stage].push(t);
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const all = spawnSync(process.execPath, [BIN, "build", "--all", "--html-only", "--out-dir", out("count")], { encoding: "utf8" });
  const editions = /Built (\d+) HTML/.exec(all.stdout)?.[1] ?? "?";
  console.log(`${runs} rounds, medians, whole processes (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)})`);
  for (const [name, t] of Object.entries(m)) console.log(`  ${name.padEnd(40)} ${ms(t)}`);
  // Issue 18's figures, measured before its work (README "Benchmark", load average 3.9).
  const ISSUE = { empty: "3.55", over: "2.57", all: "1.87", freshPrints: "7", rebuildPrints: "2" };
  const row = (label: string, issue: string, now: string, before: string | undefined, aim: string) =>
    console.log(`  ${label.padEnd(34)} ${issue.padStart(7)} ${before === undefined ? "" : before.padStart(8)} ${now.padStart(8)}   ${aim}`);
  const r = (a: string, b: string, tag = "") => (m[tag + a] / m[b.startsWith("plain") ? b : tag + b]).toFixed(2);
  const tags = values.before ? ["before: ", ""] : [""];
  console.log(
    `ratios and prints (issue: before issue 18${values.before ? "; before: --before's checkout, this run" : ""}; now: this run):`,
  );
  row("", "issue", "now", values.before ? "before" : undefined, "aim");
  row("--help / node -e 0", "1.18", r("observatory --help", "node -e 0"), values.before ? "" : undefined, "<= 2.5");
  row("check one edition / node -e 0", "3.02", r(`observatory check ${edition}`, "node -e 0"), values.before ? "" : undefined, "<= 6");
  const both = (a: string, b: string) => tags.map((t) => r(a, b, t));
  const [eb, en] = values.before
    ? both("npm run build:edition, empty output/", "plain Chromium print")
    : [undefined, r("npm run build:edition, empty output/", "plain Chromium print")];
  row("build, empty output/ / plain print", ISSUE.empty, en as string, eb, "<= 2.0");
  const [ob, on] = values.before
    ? both("npm run build:edition, over a build", "plain Chromium print")
    : [undefined, r("npm run build:edition, over a build", "plain Chromium print")];
  row("build over a build / plain print", ISSUE.over, on as string, ob, "<= 1.2");
  const [ab, an] = values.before
    ? both("observatory build --all", `observatory build ${edition}`)
    : [undefined, r("observatory build --all", `observatory build ${edition}`)];
  row(`--all (${editions} editions) / one edition`, ISSUE.all, an as string, ab, "<= 1.6");
  const prints = (dir: string) =>
    Object.entries(printsOf(dir))
      .map(([job, n]) => `${job.slice(0, 7)} ${n}`)
      .join(", ");
  const printRow = (label: string, issue: string, dir: string, aim: string) =>
    console.log(
      `  ${label.padEnd(34)} ${issue.padStart(7)}   ${values.before ? `before ${prints(out(`before-${dir}`))}; ` : ""}now ${prints(out(dir))}   ${aim}`,
    );
  printRow("prints, fresh build (--all)", ISSUE.freshPrints, "all-0", "3");
  printRow("prints, over a build (--all)", ISSUE.rebuildPrints, "warm", "1");
  // Where a build's time goes: the stages build() reports, and around them
  // what the process spends starting, importing and closing.
  // Stages that run beside longer ones are left out of the sum: the page's inspection beside the
  // final HTML and finishing, the cover and the PDF preflight beside the conformance check's thread.
  const BESIDE = new Set(["preflight-page", "cover", "preflight-pdf"]);
  const staged = Object.entries(stages).reduce((n, [stage, t]) => n + (BESIDE.has(stage) ? 0 : median(t)), 0);
  console.log("where the time of the plain print goes (medians):");
  for (const [step, t] of Object.entries(plainSteps)) console.log(`  ${`step ${step}`.padEnd(40)} ${ms(median(t))}`);
  const plainAround = ["start", "import", "launch", "close"].reduce((n, s) => n + median(plainSteps[s] ?? [0]), 0);
  console.log(`where the time of observatory build ${edition} goes (medians):`);
  console.log(
    `  ${"npm run and set-up check".padEnd(40)} ${ms(m["npm run build:edition, empty output/"] - m[`observatory build ${edition}`])}`,
  );
  for (const [stage, t] of Object.entries(stages))
    console.log(`  ${`stage ${stage}`.padEnd(40)} ${ms(median(t))}${BESIDE.has(stage) ? "   (beside another stage)" : ""}`);
  console.log(
    `  ${"start, imports, browser launch, close".padEnd(40)} ${ms(m[`observatory build ${edition}`] - staged)}   (the rest; in the plain print ${Math.round(plainAround)} ms; the stages beside others are not counted, so this is low by what they outlast them)`,
  );
  const bytes = (file: string) => statSync(file).size;
  const [built, raw] = [bytes(path.join(out("one-0"), edition, `${edition}-en.pdf`)), bytes(out("plain-0.pdf"))];
  console.log(`PDF size: ${built} bytes, Chromium's raw tagged output ${raw} bytes, ratio ${(built / raw).toFixed(2)} (aim <= 0.33)`);

  if (!values["no-preview"]) {
    const preview = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(projectRoot, "scripts", "measure-preview.ts"),
        "--runs",
        String(values["preview-runs"]),
        "--view",
        "page",
      ],
      { cwd: projectRoot, env, encoding: "utf8" },
    );
    // Per kind of save (css, paragraph): to the first print shown, and to the settled PDF.
    const lines = preview.stdout.split("\n").filter((l) => /save, \d+ saves:|save -> /.test(l));
    console.log("preview, save to page shown (aim 300 ms; issue: 2364 ms before its work) and settled (aim 600 ms):");
    for (const l of lines.length ? lines : [`measure:preview failed: ${preview.stderr.split("\n")[0]}`]) console.log(`  ${l.trim()}`);
  }
  if (!values["no-scale"]) await scaleFigures();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** 12 and 48 editions (--scale), each built by one --all: per edition, per page, peak memory of the process tree. */
async function scaleFigures(): Promise<void> {
  const counts = String(values.scale)
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
  const own = readdirSync(path.join(projectRoot, "editions"), { recursive: true }).filter((f) => String(f).endsWith(".yaml")).length;
  const roots = values.before
    ? [["before", path.resolve(values.before)] as const, ["now", projectRoot] as const]
    : [["now", projectRoot] as const];
  console.log("build --all at scale (one run each; editions past the project's own are generated):");
  const rows: Record<string, { n: number; perEdition: number; perPage: number; peak: number }[]> = {};
  for (const n of counts) {
    const dir = out(`scale-${n}`);
    scaleEditions(dir, n, own);
    for (const [tag, root] of roots) {
      const o = out(`scale-${n}-${tag}`);
      const args = [
        path.join(root, "bin", "observatory.js"),
        "build",
        "--all",
        "--editions-dir",
        path.join(dir, "editions"),
        "--out-dir",
        o,
      ];
      const run = await treeRun(process.execPath, args, root, env);
      const pages = pagesBuilt(o);
      rows[tag] ??= [];
      rows[tag].push({ n, perEdition: run.ms / n, perPage: run.ms / pages, peak: run.peakMiB });
      console.log(
        `  ${`${tag}: ${n} editions (${pages} pages)`.padEnd(34)} ${ms(run.ms)}, ${ms(run.ms / n)} an edition, ${ms(run.ms / pages)} a page, peak ${Math.round(run.peakMiB)} MiB`,
      );
      rmSync(o, { recursive: true, force: true });
    }
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [tag, r] of Object.entries(rows))
    if (r.length > 1) {
      const [a, b] = [r[0], r[r.length - 1]];
      console.log(
        `  ${`${tag}: ${b.n} ÷ ${a.n} editions`.padEnd(34)} per edition ${(b.perEdition / a.perEdition).toFixed(2)}, per page ${(b.perPage / a.perPage).toFixed(2)}, peak memory ${(b.peak / a.peak).toFixed(2)}   (aim: linear, flat: 1.0)`,
      );
    }
}
