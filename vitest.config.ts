import { defineConfig } from "vitest/config";

// Two cores: browser-backed test files share the machine, so they run in a
// small pool and with generous timeouts (a cold Chromium start is ~1 s).
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/support/global-build.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
