// The session's pages: the first one borrowed is the tab Chromium opened as it
// started (no new renderer to wait for), the next ones new tabs, each closed after use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserSession } from "../../src/browser/browser-session.js";

describe("BrowserSession pages", () => {
  let session: BrowserSession;
  beforeAll(() => {
    session = new BrowserSession();
  });
  afterAll(async () => {
    await session.close();
  });

  const pageTargets = (page: import("puppeteer-core").Page) =>
    page
      .browser()
      .targets()
      .filter((t) => t.type() === "page").length;

  it("lends the tab Chromium started with first, then new tabs, two at once each its own", async () => {
    // The first page is the starting tab: the browser holds one page while it is lent, not two.
    const first = await session.withPage(async (page) => {
      expect(pageTargets(page)).toBe(1);
      await page.setContent("<p>one</p>");
      return page.evaluate(() => document.body.textContent);
    });
    expect(first).toBe("one");
    // Later pages are new tabs, and two borrowed together are two tabs (each waits for the other's).
    let arrived = 0;
    let together: () => void = () => {};
    const bothOpen = new Promise<void>((r) => {
      together = r;
    });
    const both = await Promise.all(
      ["two", "three"].map((word) =>
        session.withPage(async (page) => {
          if (++arrived === 2) together();
          await bothOpen;
          // Counted while both are surely open: neither fn has returned (and closed its tab) yet.
          const tabs = pageTargets(page);
          await page.setContent(`<p>${word}</p>`);
          const pdf = await page.pdf();
          return { text: await page.evaluate(() => document.body.textContent), pdf: pdf.length, tabs };
        }),
      ),
    );
    expect(both.map((b) => b.text)).toEqual(["two", "three"]);
    expect(both.map((b) => [b.pdf > 500, b.tabs])).toEqual([
      [true, 2],
      [true, 2],
    ]);
  });
});
