// Finding the browser: the environment first, then system paths, else advice.
import { describe, expect, it } from "vitest";
import { BrowserNotFoundError, findChromium } from "../../src/browser/find-chromium.js";

describe("findChromium", () => {
  it("prefers CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH", () => {
    expect(findChromium({ CHROME_PATH: "/bin/sh", PUPPETEER_EXECUTABLE_PATH: "/bin/ls" })).toBe("/bin/sh");
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: "/bin/ls" })).toBe("/bin/ls");
  });

  it("falls back to the system Chromium when the variable points nowhere", () => {
    expect(findChromium({ CHROME_PATH: "/nowhere/chrome" })).toBe("/usr/bin/chromium");
  });

  it("says how to install one when there is none", () => {
    const err = (() => {
      try {
        findChromium({ CHROME_PATH: "/nowhere/chrome", HOME: "/nonexistent" }, []);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(BrowserNotFoundError);
    expect(err?.message).toContain("CHROME_PATH=/nowhere/chrome (no such file)");
    expect(err?.message).toContain("apt-get install -y chromium");
  });
});
