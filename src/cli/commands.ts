// The subcommands of `observatory`, each in its own module, loaded only when it
// runs: the table itself imports nothing, so `observatory --help` costs no more
// than starting Node.

export interface CommandModule {
  HELP: string;
  main(argv: string[]): Promise<import("./exit-codes.js").ExitReason>;
}

export interface Command {
  summary: string;
  /** The npm script that runs it (the documented interface of the checkout). */
  script: string;
  load(): Promise<CommandModule>;
}

export const COMMANDS: Record<string, Command> = {
  build: { summary: "build the PDF of editions into output/", script: "build:edition", load: () => import("./build-edition.js") },
  check: {
    summary: "check manifests (edition ids or files) without building",
    script: "check:edition",
    load: () => import("./check-edition.js"),
  },
  preview: { summary: "live preview of the pages, redrawn on every save", script: "preview", load: () => import("./preview.js") },
  preflight: {
    summary: "build to a temporary folder and list what preflight finds",
    script: "preflight",
    load: () => import("./preflight.js"),
  },
  archive: {
    summary: "freeze a published edition in editions/<YYYY-MM>/published/",
    script: "archive",
    load: () => import("./archive.js"),
  },
  verify: { summary: "check the archive is still what was published", script: "archive:verify", load: () => import("./archive-verify.js") },
  index: { summary: "write the catalog of archived editions", script: "archive:index", load: () => import("./archive-index.js") },
  new: { summary: "start an edition from an earlier one", script: "new:edition", load: () => import("./new-edition.js") },
  images: { summary: "PNG images of pages of a built edition", script: "images", load: () => import("./images.js") },
  diff: { summary: "what changed in the tables between two editions", script: "diff:edition", load: () => import("./diff-edition.js") },
};
