// How far the printed page runs past the trim: the print profile's CSS
// --bleed (assets/styles/profile-print.css), 0 when the page has none.
import type { Page } from "puppeteer-core";

/** The bleed in PDF points (CSS px are 3/4 pt). */
export async function paintedBleed(page: Page): Promise<number> {
  const px = await page.evaluate(() => {
    const probe = document.createElement("div");
    probe.style.cssText = "position:absolute;visibility:hidden;width:var(--bleed, 0px)";
    document.body.append(probe);
    const width = probe.getBoundingClientRect().width;
    probe.remove();
    return width;
  });
  return px * 0.75;
}
