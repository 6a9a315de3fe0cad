#!/usr/bin/env node
// The installed command (package.json "bin"; `npx observatory` in the checkout).
// It runs the JavaScript compiled from src/ into dist/ by set-up
// (scripts/ensure-setup.mjs, which every npm script runs first), on the
// Node.js that package-lock.json pins (node_modules/.bin/node): run by another
// node (`bin/observatory.js` from a shell), it hands over to that one.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { enableCompileCache, handOver, onPinnedNode } from "../scripts/pinned-node.mjs";

const entry = new URL("../dist/observatory.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("observatory: dist/ is not built yet; run `node scripts/ensure-setup.mjs` (or any npm run script) first\n");
  process.exitCode = 2;
} else if (!onPinnedNode()) {
  handOver(fileURLToPath(import.meta.url), process.argv.slice(2));
} else {
  enableCompileCache();
  await import(entry.href);
}
