// The conformance check run off the main thread (check-worker.ts), so that
// it and the PDF preflight, both pure CPU work on the same finished bytes,
// take the two cores at once instead of one after the other. One thread per
// process, started on first use; it keeps the process alive only while it
// has work. Run from the sources (tests, tsx scripts), the thread loads them
// through tsx as the caller does; if it cannot start, the check runs here.
import { Worker } from "node:worker_threads";
import { type ConformanceResult, checkConformance } from "../conformance/check-pdf.js";
import type { Standard } from "../conformance/types.js";

interface Pending {
  resolve: (value: ConformanceResult) => void;
  reject: (err: Error) => void;
  bytes: Uint8Array;
  standards: Standard[];
}

const fromSources = import.meta.url.endsWith(".ts");

let worker: Worker | undefined;
let broken = false;
let next = 0;
const pending = new Map<number, Pending>();

function settleHere(): void {
  // The thread failed: what it was asked is checked in this one, as if it had never been.
  broken = true;
  worker = undefined;
  for (const [id, ask] of pending) {
    pending.delete(id);
    checkConformance(ask.bytes, ask.standards).then(ask.resolve, ask.reject);
  }
}

function thread(): Worker | undefined {
  if (broken) return undefined;
  if (worker) return worker;
  try {
    const url = new URL(fromSources ? "./check-worker.ts" : "./check-worker.js", import.meta.url);
    worker = new Worker(url, fromSources ? { execArgv: ["--import", "tsx"] } : {});
  } catch {
    broken = true;
    return undefined;
  }
  worker.unref();
  worker.on("message", ({ id, value, error }: { id: number; value?: ConformanceResult; error?: string }) => {
    const ask = pending.get(id);
    if (!ask) return;
    pending.delete(id);
    if (pending.size === 0) worker?.unref();
    if (error !== undefined) ask.reject(new Error(error));
    else ask.resolve(value as ConformanceResult);
  });
  worker.on("error", settleHere);
  worker.on("exit", () => {
    if (pending.size) settleHere();
    worker = undefined;
  });
  return worker;
}

/** checkConformance() of these bytes, in the check thread when it runs. */
export function checkConformanceOffThread(bytes: Uint8Array, standards: Standard[]): Promise<ConformanceResult> {
  const w = thread();
  if (!w) return checkConformance(bytes, standards);
  return new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject, bytes, standards });
    w.ref();
    // A copy: the caller goes on with its bytes (the preflight reads them meanwhile).
    w.postMessage({ id, bytes, standards });
  });
}

/** Starts the thread ahead of its first check (its modules load meanwhile). */
export function warmCheckThread(): void {
  thread();
}
