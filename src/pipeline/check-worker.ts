// The conformance check, in a thread of its own (check-thread.ts starts it):
// a pure function of the finished bytes, and the longest stage after the
// prints, it runs here on the second core while the main thread judges the
// same bytes with the PDF preflight and the other jobs of a run go on.
import { parentPort } from "node:worker_threads";
import { checkConformance } from "../conformance/check-pdf.js";
import type { Standard } from "../conformance/types.js";

interface Ask {
  id: number;
  bytes: Uint8Array;
  standards: Standard[];
}

parentPort?.on("message", async ({ id, bytes, standards }: Ask) => {
  try {
    parentPort?.postMessage({ id, value: await checkConformance(bytes, standards) });
  } catch (err) {
    parentPort?.postMessage({ id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
});
