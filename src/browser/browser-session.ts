// One Chromium for a whole run, launched lazily on first use and closed in
// `finally` and on SIGINT; each job borrows a page that is always closed.
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { findChromium } from "./find-chromium.js";

// Without these, Chromium keeps trying to reach Google's hosts, which this
// machine (and a print pipeline) must never do.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
  "--font-render-hinting=none",
];

export class BrowserSession {
  private browser: Promise<Browser> | undefined;
  private readonly onSigint = () => {
    void this.close().finally(() => process.exit(130));
  };

  constructor(private readonly executablePath?: string) {}

  private launch(): Promise<Browser> {
    if (!this.browser) {
      process.once("SIGINT", this.onSigint);
      this.browser = puppeteer.launch({
        executablePath: this.executablePath ?? findChromium(),
        headless: true,
        args: CHROMIUM_ARGS,
        // Our own temporary profile: no user data, cleaned on close.
        handleSIGINT: false,
        handleSIGTERM: true,
      });
      const launched = this.browser;
      launched.then(
        // A crashed browser is forgotten, so the next job (the preview's next
        // render) launches a fresh one instead of failing forever.
        (browser) =>
          browser.once("disconnected", () => {
            if (this.browser === launched) this.browser = undefined;
          }),
        () => {
          if (this.browser === launched) this.browser = undefined;
        },
      );
    }
    return this.browser;
  }

  /** Start launching now, so the browser is ready when the first page is needed. */
  prelaunch(): void {
    try {
      // A failure (no browser found) is reported by the first real use.
      this.launch().catch(() => {});
    } catch {}
  }

  async version(): Promise<string> {
    return (await this.launch()).version();
  }

  /** Borrow a fresh page for `fn`; the page is closed whatever happens. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      return await fn(page);
    } finally {
      await page.close().catch(() => {});
    }
  }

  async close(): Promise<void> {
    process.removeListener("SIGINT", this.onSigint);
    const pending = this.browser;
    this.browser = undefined;
    if (pending) await (await pending.catch(() => undefined))?.close().catch(() => {});
  }
}

/** Run `fn` with a session that is closed afterwards. */
export async function withBrowser<T>(fn: (session: BrowserSession) => Promise<T>, executablePath?: string): Promise<T> {
  const session = new BrowserSession(executablePath);
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}
