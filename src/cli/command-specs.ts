// Every command of `observatory`, declared once: summary, npm script, usage,
// arguments, options and the exit codes it can return. Plain data: the
// dispatcher (commands.ts) adds how to load each module; each module parses
// its arguments and prints its --help from its entry here (command-spec.ts).
// The archive commands (archive, verify, index) still write their own usage and
// options; their summary and exit codes are declared here all the same.
import type { CommandEntry, CommandSpec } from "./command-spec.js";

const EDITIONS_DIR = { type: "string", value: "DIR", help: "where the editions are (default: editions/)" } as const;
const LANG = { type: "string", value: "fr|en", help: "only this language" } as const;

export const build = {
  summary: "build the PDF of editions into output/",
  script: "build:edition",
  usage: "[YYYY-MM ...] [options]",
  description:
    "Builds the PDF of an edition (every language it has) into output/<YYYY-MM>/:\nthe PDF, the HTML it was printed from, and a JSON build report.",
  args: { "YYYY-MM": "edition(s) to build (default: the latest one)" },
  options: {
    all: { type: "boolean", default: false, help: "every edition in editions/" },
    lang: LANG,
    "html-only": { type: "boolean", default: false, help: "write the HTML only, without a browser" },
    concurrency: { type: "string", value: "N", help: "editions printed at once (default 2)" },
    "editions-dir": { ...EDITIONS_DIR, help: "where the manifests are (default: editions/)" },
    "out-dir": { type: "string", value: "DIR", help: "where output/<YYYY-MM>/ folders go (default: output/)" },
    profile: {
      type: "string",
      value: "P",
      help: "digital (default: live links) or print (bleed, crop\nmarks, TrimBox; writes <id>-<lang>-print.pdf)",
    },
    allow: { type: "string", multiple: true, value: "RULE[,RULE]", help: "preflight errors of these rules do not fail the build" },
    "no-preflight": { type: "boolean", default: false, help: "skip the preflight checks" },
    draft: {
      type: "boolean",
      default: false,
      help: "a proof: values marked { unknown: … } are printed\nhighlighted instead of refused (never for publication)",
    },
  },
  notes:
    "Environment: CHROME_PATH (or PUPPETEER_EXECUTABLE_PATH) picks the browser;\nSOURCE_DATE_EPOCH overrides the date written into the PDFs;\nOBSERVATORY_BROWSER_TIMEOUT (seconds, default 30) bounds each browser step.",
  exits: {
    ok: "built",
    invalidManifest: true,
    usage: true,
    noBrowser: true,
    renderFailed: true,
    outputNotWritten: true,
    preflightFailed: "preflight errors (the previous PDF is kept)",
    browserFailed: true,
    interrupted: true,
    internal: true,
  },
} as const satisfies CommandSpec;

export const check = {
  summary: "check manifests (edition ids or files) without building",
  script: "check:edition",
  usage: "[YYYY-MM | FILE ...] [--lang fr|en] [--all] [--json]",
  description:
    "Checks edition manifests (editions/<YYYY-MM>/<lang>.yaml) without building a PDF,\nand lists every problem with its line, column and the lines around it.",
  args: {
    "YYYY-MM": "an edition to check (default: the latest one)",
    FILE: "a manifest file, by its path (what editors and\npre-commit hooks pass); several may be given",
  },
  options: {
    lang: { ...LANG, help: "only this language of the editions named by id" },
    all: { type: "boolean", default: false, help: "every edition" },
    json: { type: "boolean", default: false, help: "the result as JSON on stdout (files, problems, counts)" },
    "editions-dir": EDITIONS_DIR,
  },
  notes:
    "Problems stop the build; warnings (a stage that moves back since the previous\nedition, a date in a later month, a source no row cites, a row whose source\nis dated otherwise) are for the editor to look at, and do not.",
  exits: { ok: "all valid (warnings or not)", invalidManifest: "problems found", usage: true, interrupted: true, internal: true },
} as const satisfies CommandSpec;

export const preview = {
  summary: "live preview of the pages, redrawn on every save",
  script: "preview",
  usage: "[YYYY-MM] [options]",
  description:
    "Serves a live preview of the editions: the real PDF pages as build:edition\nprints them, redrawn on every save under templates/, assets/ or editions/.",
  args: { "YYYY-MM": "edition to open first (default: the latest one)" },
  options: {
    lang: { ...LANG, help: "its language (default: its first manifest)" },
    // The default is DEFAULT_PORT of src/preview/start-preview.ts (a test keeps them equal).
    port: { type: "string", value: "N", help: "port to listen on (default 4317; 0 picks a free one)" },
    host: { type: "string", value: "H", help: "address to listen on (default 127.0.0.1, this machine only)" },
    profile: { type: "string", value: "P", help: "digital (default) or print: bleed, trim and crop marks" },
  },
  notes:
    "In the page: G switches grid and page view, O shows the page outlines, P the preflight findings,\nR the print profile, S spreads, ← → turn pages; a click on a line names its source.\nStop with Ctrl-C.",
  exits: { ok: "stopped", usage: true, noBrowser: true, browserFailed: true, interrupted: true, internal: true },
} as const satisfies CommandSpec;

export const preflight = {
  summary: "build to a temporary folder and list what preflight finds",
  script: "preflight",
  usage: "[YYYY-MM ...] [options]",
  description:
    "Builds an edition as build:edition does, into a temporary folder (output/ is\nnot touched), and lists what would embarrass it in print or on screen, page by\npage. Every build runs the same checks and stops on their errors.",
  args: { "YYYY-MM": "edition(s) to check (default: the latest one)" },
  options: {
    all: { type: "boolean", default: false, help: "every edition in editions/" },
    lang: LANG,
    profile: { type: "string", value: "P", help: "digital (default) or print" },
    allow: { type: "string", multiple: true, value: "RULE[,RULE]", help: "errors of these rules do not count as failures" },
    "editions-dir": { ...EDITIONS_DIR, help: "where the manifests are (default: editions/)" },
    json: { type: "boolean", default: false, help: "the findings as JSON, one object per edition and language" },
    rules: { type: "boolean", default: false, help: "list the rules and exit" },
  },
  exits: {
    ok: "no errors",
    invalidManifest: true,
    usage: true,
    noBrowser: true,
    renderFailed: true,
    outputNotWritten: "the temporary folder not written",
    preflightFailed: true,
    browserFailed: true,
    interrupted: true,
    internal: true,
  },
} as const satisfies CommandSpec;

export const newEdition = {
  summary: "start an edition from an earlier one",
  script: "new:edition",
  usage: "<YYYY-MM> [--from YYYY-MM]",
  description:
    'Starts an edition: copies the manifests of an earlier edition into\neditions/<YYYY-MM>/, moves their id, date (first of the month), label\n("MAY 2026 EDITION", "ÉDITION MAI 2026") and "whats-new" comparison on, checks\nthem, and never overwrites a file.',
  args: { "YYYY-MM": "the new edition" },
  options: {
    from: { type: "string", value: "YYYY-MM", help: "the edition to copy (default: the latest one before it)" },
    "editions-dir": EDITIONS_DIR,
  },
  exits: {
    ok: "created",
    invalidManifest: "the copied manifest has problems",
    usage: "wrong arguments, unknown edition or the new files already exist",
    interrupted: true,
    internal: true,
  },
} as const satisfies CommandSpec;

export const images = {
  summary: "PNG images of pages of a built edition",
  script: "images",
  usage: "<YYYY-MM> [--pages 1,9] [--width 1200] [--lang fr|en]",
  description:
    "PNG images of pages of a built edition, for posts and slides, written to\noutput/<id>/<id>-<lang>-images/<id>-<lang>-pNN.png. Build the PDF first\n(npm run build:edition -- <id>).",
  options: {
    pages: { type: "string", value: "LIST", help: "page numbers, comma-separated (default: every page)" },
    width: { type: "string", default: "1200", value: "PX", help: "image width in pixels, 100 to 4000 (default: 1200)" },
    lang: { ...LANG, help: "this language only (default: every language built)" },
    "out-dir": {
      type: "string",
      value: "DIR",
      help: "where the built editions are, as build's --out-dir (default: output/)",
      alias: "output-dir",
    },
  },
  exits: {
    ok: "written",
    usage: "wrong arguments or no built PDF",
    outputNotWritten: true,
    interrupted: true,
    internal: true,
  },
} as const satisfies CommandSpec;

export const diff = {
  summary: "what changed in the tables between two editions",
  script: "diff:edition",
  usage: "[FROM] [TO] [--lang fr|en] [--json]",
  description:
    "What changed in the tables between two editions: new applicants, offers\nwithdrawn, stage moves (J0 to J1 ...), offers that became qualified, offers\nlisted under another service model, and changes to the PaaS matrix. Rows are\nmatched by provider and offer identity (provider_id, offer_id), not wording,\nso editions in different languages compare.",
  args: {
    "FROM TO": "the older and the newer edition, like 2026-03 2026-04",
    TO: "alone: compared with the edition before it\n(no id: the latest edition and the one before)",
  },
  options: {
    lang: { ...LANG, help: "compare this language of both editions" },
    json: { type: "boolean", default: false, help: "print the comparison as JSON" },
    "editions-dir": EDITIONS_DIR,
  },
  exits: { ok: "compared (changes or not)", invalidManifest: "a manifest has problems", usage: true, interrupted: true, internal: true },
} as const satisfies CommandSpec;

export const archive = {
  summary: "freeze a published edition in editions/<YYYY-MM>/published/",
  script: "archive",
  exits: {
    ok: "archived",
    invalidManifest: true,
    usage: "wrong arguments, unknown edition or already archived, or a signing key refused",
    noBrowser: "no browser or no ssh-keygen",
    renderFailed: "render failure",
    outputNotWritten: "not written",
    preflightFailed: true,
    browserFailed: "the browser failed",
    interrupted: true,
    internal: true,
  },
} as const satisfies CommandEntry;

export const verify = {
  summary: "check the archive is still what was published",
  script: "archive:verify",
  exits: {
    ok: "all as archived",
    invalidManifest: "differences found",
    usage: "wrong arguments or edition not archived",
    noBrowser: "no browser (--rebuild) or no ssh-keygen",
    renderFailed: "the rebuild failed to render",
    preflightFailed: "the rebuild failed preflight",
    browserFailed: "the browser failed",
    interrupted: true,
    internal: true,
  },
} as const satisfies CommandEntry;

export const index = {
  summary: "write the catalog of archived editions",
  script: "archive:index",
  exits: {
    ok: "written",
    invalidManifest: "written with editions withheld",
    usage: "wrong arguments or an unreadable archive record",
    noBrowser: "no ssh-keygen",
    outputNotWritten: "not written",
    interrupted: true,
    internal: true,
  },
} as const satisfies CommandEntry;
