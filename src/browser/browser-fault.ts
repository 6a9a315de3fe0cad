// A browser that does not start, stops answering or dies is not a bug of
// ours and not the manifest's fault: it has its own error (and exit code), and
// a sentence that says what to do.
import { ProtocolError, TimeoutError } from "puppeteer-core";
import { FaultError } from "../runtime/fault-error.js";
import { BrowserFaultError } from "./browser-fault-error.js";

export { BrowserFaultError };

/**
 * How long the browser may take to start, or to answer one request (load,
 * print, evaluate), before the run gives up: OBSERVATORY_BROWSER_TIMEOUT
 * seconds, 30 by default (a print of a whole edition takes under 1 s here).
 */
export function browserTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.OBSERVATORY_BROWSER_TIMEOUT;
  if (value === undefined || value.trim() === "") return 30_000;
  const seconds = Number(value);
  // Timers hold at most 2^31 - 1 ms (24.8 days): a longer one fires at once,
  // so "a year" meant 1 ms; "abc" silently meant 30 s. Both are refused.
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds * 1000 > MAX_TIMER_MS)
    throw new FaultError(
      `OBSERVATORY_BROWSER_TIMEOUT=${value} is not a number of seconds from 0.001 to ${MAX_TIMER_MS / 1000} (24.8 days): set one, or unset it for 30 s`,
      "usage",
    );
  return Math.max(1, Math.round(seconds * 1000));
}

const MAX_TIMER_MS = 2 ** 31 - 1;

const ADVICE =
  "Run again; if it happens again, check the browser with `chromium --headless --dump-dom about:blank`, or set CHROME_PATH to another one.";

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === "object" && err && "message" in err ? String(err.message) : String(err);
  return text.split("\n").find((l) => l.trim()) ?? "no message";
}

export function launchFault(executable: string, err: unknown): BrowserFaultError {
  const timeout = err instanceof TimeoutError || (err instanceof ProtocolError && /timed out/.test(err.message));
  const what = timeout
    ? `the browser ${executable} did not answer within ${browserTimeoutMs() / 1000} s of starting`
    : /Target closed/.test(firstLine(err))
      ? `the browser ${executable} exited as soon as it started (is it a Chromium or Chrome?)`
      : `the browser ${executable} did not start (${firstLine(err)})`;
  return new BrowserFaultError(`${what}. ${ADVICE}`, { cause: err });
}

export function crashFault(): BrowserFaultError {
  return new BrowserFaultError(`the browser stopped while printing (it crashed or was killed). ${ADVICE}`);
}

/** Puppeteer's own errors (timeouts, a closed target or connection) become a BrowserFaultError; others pass. */
export function asBrowserFault(err: unknown): unknown {
  if (err instanceof BrowserFaultError) return err;
  if (err instanceof TimeoutError || (err instanceof ProtocolError && /timed out/.test(err.message)))
    return new BrowserFaultError(
      `the browser did not answer within ${browserTimeoutMs() / 1000} s (${firstLine(err)}). A manifest far larger than usual can do this. ${ADVICE}`,
      { cause: err },
    );
  if (err instanceof ProtocolError || (err instanceof Error && /Target closed|Session closed|Connection closed/.test(err.message)))
    return new BrowserFaultError(`the browser stopped answering (${firstLine(err)}). ${ADVICE}`, { cause: err });
  return err;
}

/** A browser that stopped answering a call that has no timeout of its own (a page's close). */
export function frozenFault(what: string): BrowserFaultError {
  return new BrowserFaultError(`the browser stopped answering (${what}). ${ADVICE}`);
}
