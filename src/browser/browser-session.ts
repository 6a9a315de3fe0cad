// One Chromium for a whole run, launched lazily on first use; each job
// borrows a page that is always closed. Every way the browser can fail ends
// in a BrowserFaultError within a bounded time (browserTimeoutMs), never in a
// hang: a launch that never answers times out, a browser that dies fails the
// pages it was printing at once, and a browser that will not close is killed.
import type { ChildProcess } from "node:child_process";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { onCleanup } from "../runtime/cleanup.js";
import { asBrowserFault, BrowserFaultError, browserTimeoutMs, crashFault, frozenFault, launchFault } from "./browser-fault.js";
import { findChromium } from "./find-chromium.js";
import { killRunDirProcesses, makeRunDir, type RunDir, removeRunDir, removeRunDirLater, tmpFullFault } from "./run-dir.js";

// Nothing may leave the machine while printing: pages load only file: and
// data: URLs, but Chromium's own services (sign-in, component and extension
// updates) still looked up accounts.google.com, update.googleapis.com and
// clients2.google.com in every build, with --disable-background-networking
// and friends set. So no host name is ever resolved (every name maps to "not
// found", which answers before any DNS query), and anything that still tried
// a connection would go through a proxy that is a closed loopback port, for
// loopback too (`<-loopback>` removes the implicit bypass). Proved by strace
// of a build, a preview and an archive in tests/faults/network.test.ts.
// What remains is the network service's IPv6 probe: a UDP connect() to
// 2001:4860:4860::8888 that only asks the kernel for a route, no packet sent.
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
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--proxy-server=127.0.0.1:9",
  "--proxy-bypass-list=<-loopback>",
  "--dns-prefetch-disable",
  "--font-render-hinting=none",
];

/** How long a browser may take to close by itself before it is killed. */
const CLOSE_MS = 3000;

interface Launched {
  browser: Browser;
  /** Rejects (with a BrowserFaultError) when the browser goes away. */
  gone: Promise<never>;
  release(): Promise<void>;
  /**
   * The tab Chromium opens as it starts, lent to the first page asked for:
   * its renderer already runs, where a new tab starts one (about 45 ms of a
   * build's critical path here). Taken once; later asks open new tabs.
   */
  spare?: Promise<Page | undefined>;
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** Chromium runs in a process group of its own (Puppeteer starts it detached): kill all of it. */
function killBrowser(proc: ChildProcess | null | undefined): void {
  if (!proc?.pid || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, "SIGKILL");
  } catch {
    try {
      proc.kill("SIGKILL");
    } catch {}
  }
}

export class BrowserSession {
  private current: Promise<Launched> | undefined;
  private stopped = false;
  /** The current browser timed out or died: it is killed, not asked to close. */
  private faulty = false;
  /** Why it is faulty: what every later ask of it fails with. */
  private fault: BrowserFaultError | undefined;
  /** The version of the current browser, asked once. */
  private versions: { of: Promise<Launched>; version: Promise<string> } | undefined;

  constructor(private readonly executablePath?: string) {
    // A bad OBSERVATORY_BROWSER_TIMEOUT is refused before any work starts.
    browserTimeoutMs();
  }

  private launch(): Promise<Launched> {
    if (this.stopped) return Promise.reject(new BrowserFaultError("the run is stopping: no browser is started again"));
    if (!this.current) {
      const executable = this.executablePath ?? findChromium();
      const dir: RunDir = makeRunDir();
      let proc: ChildProcess | null = null;
      const undo = () => {
        killBrowser(proc);
        killRunDirProcesses(dir);
        removeRunDir(dir);
      };
      const unregister = onCleanup(undo, () => this.close());
      // The folder (tens of milliseconds of a profile's files) is removed off this
      // thread, while the job writes its files; until then the exit's cleanup stays
      // registered, and removes it at once if the process ends first.
      const release = (): Promise<void> => {
        killBrowser(proc);
        killRunDirProcesses(dir);
        return removeRunDirLater(dir).finally(unregister);
      };
      const launching: Promise<Launched> = puppeteer
        .launch({
          executablePath: executable,
          headless: true,
          args: CHROMIUM_ARGS,
          // A pipe, not a WebSocket: if this process dies (even by kill -9),
          // the pipe closes and Chromium exits instead of living on.
          pipe: true,
          // Profile and Chromium's own temporary files in our folder, removed with it.
          userDataDir: dir.profile,
          env: { ...process.env, TMPDIR: dir.tmp },
          timeout: browserTimeoutMs(),
          protocolTimeout: browserTimeoutMs(),
          // Signals are handled once for the whole program (src/cli/signals.ts).
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        })
        .then(
          (browser) => {
            proc = browser.process();
            const gone = new Promise<never>((_, reject) =>
              browser.once("disconnected", () => {
                // A crashed browser is forgotten, so the next job (the preview's
                // next render) launches a fresh one instead of failing forever.
                if (this.current === launching) this.current = undefined;
                const full = tmpFullFault(dir);
                void release();
                reject(full ?? crashFault());
              }),
            );
            gone.catch(() => {});
            // Never a rejection: a run that stops before its first page leaves it unattached.
            const first = browser.targets().find((t) => t.type() === "page" && t.url() === "about:blank");
            const spare = (first ? first.page() : Promise.resolve(null)).then(
              (p) => p ?? undefined,
              () => undefined,
            );
            return { browser, gone, release, spare };
          },
          (err) => {
            // The failed launch stays the answer until close(): a job after
            // prelaunch() must not wait for a second one.
            // A full TMPDIR makes Chromium fail to start: the disk is named, not the browser.
            const full = tmpFullFault(dir);
            void release();
            throw full ?? launchFault(executable, err);
          },
        );
      this.current = launching;
    }
    return this.current;
  }

  /** Start launching now, so the browser is ready when the first page is needed. */
  prelaunch(): void {
    try {
      // A failure (no browser found) is reported by the first real use.
      this.launch().catch(() => {});
    } catch {}
  }

  /**
   * The browser's version, asked once per browser: a job asks before its print
   * and again after it, and the second ask, to a browser frozen since, waited
   * a whole second timeout (then close() a third wait) before the kill.
   */
  async version(): Promise<string> {
    const launching = this.launch();
    if (this.versions?.of === launching) return this.versions.version;
    const { browser, gone } = await launching;
    this.refuseIfFaulty();
    const version = Promise.race([browser.version(), gone]).catch((err) => {
      const fault = asBrowserFault(err);
      if (fault instanceof BrowserFaultError) this.fail(fault);
      return Promise.reject(fault);
    });
    this.versions = { of: launching, version };
    return version;
  }

  /** The browser failed us: it is killed on close, and asked nothing more (every ask would wait a timeout). */
  private fail(fault: BrowserFaultError): void {
    this.faulty = true;
    this.fault ??= fault;
  }

  private refuseIfFaulty(): void {
    if (this.faulty && this.fault) throw this.fault;
  }

  /** The tab Chromium started with, the first time; a new tab after that. */
  private async openPage(launched: Launched): Promise<Page> {
    const spare = launched.spare;
    launched.spare = undefined;
    return (await spare) ?? launched.browser.newPage();
  }

  /** Borrow a fresh page for `fn`; the page is closed whatever happens. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const launched = await this.launch();
    const { gone } = launched;
    this.refuseIfFaulty();
    let page: Page | undefined;
    try {
      page = await Promise.race([this.openPage(launched), gone]);
      page.setDefaultTimeout(browserTimeoutMs());
      // If the browser dies, `gone` ends the job now: Puppeteer's own promises
      // may never settle once the connection is gone.
      return await Promise.race([fn(page), gone]);
    } catch (err) {
      const fault = asBrowserFault(err);
      // A browser that failed us is not asked for anything more: it is killed on close.
      if (fault instanceof BrowserFaultError) this.fail(fault);
      throw fault;
    } finally {
      if (page && !this.faulty) {
        const closed = await Promise.race([
          page.close().then(
            () => true,
            () => true,
          ),
          delay(CLOSE_MS).then(() => false),
        ]);
        // A page that does not close froze with its browser: the next ask fails at once instead of waiting.
        if (!closed) this.fail(frozenFault(`a page did not close within ${CLOSE_MS / 1000} s`));
      }
    }
  }

  /**
   * A page the caller keeps across many prints (the preview's page per
   * edition) and closes itself; `gone` rejects when this browser dies, so a
   * print on a dead page fails at once instead of waiting for its timeout.
   */
  async keepPage(): Promise<{ page: Page; gone: Promise<never> }> {
    const launched = await this.launch();
    const { gone } = launched;
    this.refuseIfFaulty();
    const page = await Promise.race([this.openPage(launched), gone]);
    page.setDefaultTimeout(browserTimeoutMs());
    return { page, gone };
  }

  /** Close the browser; a later use launches a new one. */
  async close(): Promise<void> {
    const pending = this.current;
    this.current = undefined;
    const launched = await pending?.catch(() => undefined);
    if (!launched) return;
    if (!this.faulty) await Promise.race([launched.browser.close().catch(() => {}), delay(CLOSE_MS)]);
    this.faulty = false;
    this.fault = undefined;
    await launched.release();
  }

  /** Close the browser for good: jobs still running fail, none can start another browser. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.close();
  }
}

/** Run `fn` with a session that is closed afterwards. */
export async function withBrowser<T>(fn: (session: BrowserSession) => Promise<T>, executablePath?: string): Promise<T> {
  const session = new BrowserSession(executablePath);
  try {
    return await fn(session);
  } finally {
    await session.stop();
  }
}
