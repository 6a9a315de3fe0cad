#!/usr/bin/env node
// The installed command (package.json "bin"; `npx observatory` in the checkout).
// It runs the JavaScript compiled from src/ into dist/ by set-up
// (scripts/ensure-setup.mjs, which every npm script runs first).
import { existsSync } from "node:fs";

const entry = new URL("../dist/observatory.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("observatory: dist/ is not built yet; run `node scripts/ensure-setup.mjs` (or any npm run script) first\n");
  process.exitCode = 2;
} else {
  await import(entry.href);
}
