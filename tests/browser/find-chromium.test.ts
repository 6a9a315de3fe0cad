// Finding the browser: the environment first, then system paths, else advice.
import { describe, expect, it } from "vitest";
import { BrowserNotFoundError, findChromium } from "../../src/browser/find-chromium.js";

describe("findChromium", () => {
  it("prefers CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH", () => {
    expect(findChromium({ CHROME_PATH: "/bin/sh", PUPPETEER_EXECUTABLE_PATH: "/bin/ls" })).toBe("/bin/sh");
    expect(findChromium({ PUPPETEER_EXECUTABLE_PATH: "/bin/ls" })).toBe("/bin/ls");
  });

  it("refuses a variable that points nowhere rather than using another browser", () => {
    expect(() => findChromium({ CHROME_PATH: "/nowhere/chrome" })).toThrow(/CHROME_PATH=\/nowhere\/chrome \(no such file\)/);
  });

  it("says how to install one when there is none", () => {
    const err = (() => {
      try {
        findChromium({ HOME: "/nonexistent" }, []);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(BrowserNotFoundError);
    expect(err?.message).toContain("No Chromium or Chrome was found");
    expect(err?.message).toContain("apt-get install -y chromium");
  });
});
