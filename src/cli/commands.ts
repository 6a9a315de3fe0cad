// The subcommands of `observatory`, each in its own module, loaded only when it
// runs: this table and the declarations it lists (command-specs.ts) import no
// module of the pipeline, so `observatory --help` costs no more than starting Node.
import type { CommandEntry } from "./command-spec.js";
import * as specs from "./command-specs.js";
import type { ExitReason } from "./exit-codes.js";

export interface CommandModule {
  main(argv: string[]): Promise<ExitReason>;
}

export interface Command extends CommandEntry {
  load(): Promise<CommandModule>;
}

export const COMMANDS: Record<string, Command> = {
  build: { ...specs.build, load: () => import("./build-edition.js") },
  check: { ...specs.check, load: () => import("./check-edition.js") },
  preview: { ...specs.preview, load: () => import("./preview.js") },
  preflight: { ...specs.preflight, load: () => import("./preflight.js") },
  archive: { ...specs.archive, load: () => import("./archive.js") },
  verify: { ...specs.verify, load: () => import("./archive-verify.js") },
  index: { ...specs.index, load: () => import("./archive-index.js") },
  new: { ...specs.newEdition, load: () => import("./new-edition.js") },
  images: { ...specs.images, load: () => import("./images.js") },
  diff: { ...specs.diff, load: () => import("./diff-edition.js") },
};
