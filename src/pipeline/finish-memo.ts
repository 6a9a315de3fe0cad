// A rebuild whose raw print is the last build's (what matters of it: see
// printKey) finishes to the same bytes, preflights to the same findings and
// checks to the same conformance, so it takes them from the last build instead
// of redoing them: the PDF already in output/ (checked against its sha256) and
// the results kept in its report (`finishing`). Finishing, the PDF preflight
// and the conformance check are pure functions of the raw print, their options
// and the code; the options and the run's input digest (the typesetting key:
// code, packages, Chromium, profile, manifests, templates) are in the key.
//
// What varies between two prints of the same page, and so is left out of the
// key: the dates Chromium stamps (finishing writes its own), and the DOM node
// ids Chromium names structure elements after ("node00000271"), counted over
// the renderer's life (src/pdf/stable-ids.ts renumbers them in finishing).
// Those ids are renamed in the order they first appear, so two prints that
// differ only in them have one key. The earlier attempt hashed the raw bytes
// as they were, and no two prints ever matched.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { ConformanceResult } from "../conformance/check-pdf.js";
import type { Standard } from "../conformance/types.js";
import type { PageImage } from "../images/page-images.js";
import { type FinishedPdf, type FinishOptions, finishPdf } from "../pdf/finish.js";
import { type InspectPdfOptions, inspectPdf } from "../preflight/inspect-pdf.js";
import type { Finding } from "../preflight/rules.js";
import { checkConformanceOffThread } from "./check-thread.js";

interface Stored {
  key: string;
  sha256: string;
  finished: Omit<FinishedPdf, "bytes">;
  /** Results of the steps run on the finished bytes (the PDF preflight), by name. */
  steps: Record<string, { inputs: string; value: unknown }>;
  /** The steps this build took from the last one instead of running them (for the report and the tests). */
  reused: string[];
}

const STEP_ORDER = ["finish", "preflight-pdf", "conformance", "cover"];

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

// Sets and maps (the preflight's own pages) digest as their contents, not as {}.
const plain = (_: string, v: unknown) => (v instanceof Set ? [...v] : v instanceof Map ? [...v] : v);
const digestOf = (value: unknown) => sha256(JSON.stringify(value, plain) ?? "");

/** The raw print as far as finishing reads it: dates out, node ids renamed in order of first appearance. */
export function printKey(raw: Uint8Array): string {
  const names = new Map<string, number>();
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
    .toString("latin1")
    .replace(/\/(CreationDate|ModDate)\s*\(D:[^)]*\)/g, "/$1 ()")
    .replace(/\(node(\d{8})\)/g, (_, n: string) => {
      if (!names.has(n)) names.set(n, names.size);
      return `(node ${names.get(n)})`;
    });
  return sha256(Buffer.from(text, "latin1"));
}

export class FinishMemo {
  private constructor(
    private readonly pdfFile: string,
    private readonly key: string,
    private readonly prior: Stored | undefined,
    private stored?: Stored,
  ) {}

  /** The memo of the last build of this job (its report and PDF), for this raw print and these inputs. */
  static async open(base: string, raw: Uint8Array, runKey: string | undefined): Promise<FinishMemo> {
    const key = digestOf({ print: printKey(raw), runKey: runKey ?? "" });
    let prior: Stored | undefined;
    try {
      prior = (JSON.parse(await readFile(`${base}.report.json`, "utf8")) as { finishing?: Stored }).finishing;
    } catch {
      prior = undefined;
    }
    return new FinishMemo(`${base}.pdf`, key, runKey && prior?.key ? prior : undefined);
  }

  /** finishPdf(), or the last build's PDF when the print and the options are the same. */
  async finishPdf(raw: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
    const key = digestOf({ key: this.key, options });
    const prior = this.prior?.key === key ? this.prior : undefined;
    if (prior) {
      const bytes = await readFile(this.pdfFile).catch(() => undefined);
      if (bytes && sha256(bytes) === prior.sha256) {
        this.stored = { ...prior, steps: {}, reused: ["finish"] };
        return { ...prior.finished, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
      }
    }
    const finished = await finishPdf(raw, options);
    const { bytes, ...rest } = finished;
    this.stored = { key, sha256: sha256(bytes), finished: rest, steps: {}, reused: [] };
    return finished;
  }

  /** inspectPdf() of the finished bytes, or the last build's findings when those bytes and the options are the same. */
  async inspectPdf(bytes: Uint8Array, options: InspectPdfOptions): Promise<Finding[]> {
    return this.step("preflight-pdf", options, bytes, () => inspectPdf(bytes, options));
  }

  /** checkConformance() of the finished bytes, or the last build's result for the same bytes and standards. */
  async checkConformance(bytes: Uint8Array, standards: Standard[]): Promise<ConformanceResult> {
    return this.step("conformance", standards, bytes, () => checkConformanceOffThread(bytes, standards));
  }

  /**
   * The cover image drawn from the finished bytes, or the last build's when those
   * bytes are the same and its file is still the one drawn (its sha256 is kept):
   * the drawing is deterministic (src/images/draw-pages.ts), and it is the
   * longest stage of a rebuild after the print.
   */
  async coverImage(bytes: Uint8Array, width: number, file: string, draw: () => Promise<PageImage>): Promise<PageImage> {
    const digest = digestOf({ width });
    const same = this.stored !== undefined && this.stored.sha256 === sha256(bytes);
    const prior = same && this.prior?.sha256 === this.stored?.sha256 ? this.prior?.steps.cover : undefined;
    if (prior?.inputs === digest) {
      const png = await readFile(file).catch(() => undefined);
      if (png && sha256(png) === prior.value) {
        if (this.stored) {
          this.stored.steps.cover = prior;
          this.stored.reused.push("cover");
        }
        return { png, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
      }
    }
    const image = await draw();
    if (same && this.stored) this.stored.steps.cover = { inputs: digest, value: sha256(image.png) };
    return image;
  }

  private async step<T>(name: string, inputs: unknown, bytes: Uint8Array, run: () => Promise<T>): Promise<T> {
    const digest = digestOf(inputs);
    const same = this.stored !== undefined && this.stored.sha256 === sha256(bytes);
    // Keyed on the finished bytes: a finishing that ran again to the same bytes still reuses the step.
    const prior = same && this.prior?.sha256 === this.stored?.sha256 ? this.prior?.steps[name] : undefined;
    const reuse = prior?.inputs === digest;
    const value = reuse ? (prior.value as T) : await run();
    if (same && this.stored) {
      this.stored.steps[name] = { inputs: digest, value };
      if (reuse) this.stored.reused.push(name);
    }
    return value;
  }

  /** What the report keeps for the next build. */
  record(): Stored | undefined {
    // The cover is drawn while the preflight and conformance run: listed in the stages' order, whichever ended first.
    if (this.stored) this.stored.reused.sort((a, b) => STEP_ORDER.indexOf(a) - STEP_ORDER.indexOf(b));
    return this.stored;
  }
}
