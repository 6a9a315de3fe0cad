// The JSON report written beside each PDF.
import path from "node:path";
import { projectPaths } from "../paths.js";
import { countFindings } from "../preflight/rules.js";
import type { JobResult } from "./build-types.js";
import { toolName, toolVersion } from "./version.js";

export function reportJson(r: JobResult) {
  return {
    edition: r.id,
    language: r.language,
    manifest: path.relative(projectPaths.root, r.manifest),
    pdf: r.pdf && path.basename(r.pdf),
    html: path.basename(r.html),
    data: r.data?.map((f) => path.relative(path.dirname(r.html), f)),
    pages: r.pages,
    bytes: r.bytes,
    sha256: r.sha256,
    standards: r.standards,
    conformance: r.conformance,
    bookmarks: r.bookmarks,
    pageLabels: r.pageLabels,
    pageNumbers: r.pageNumbers,
    blockedRequests: r.blockedRequests,
    chromium: r.chromium,
    // The runtime that made these bytes: the Node.js of package-lock.json when run through npm or bin/.
    node: process.versions.node,
    preflight: r.preflight && { ...countFindings(r.preflight), findings: r.preflight },
    // Read back by the next build, which starts from these decisions when its inputs are the same.
    typeset: r.typeset,
    finishing: r.finishing,
    tool: `${toolName} ${toolVersion}`,
    // Timings vary run to run; they live in the report, never in the PDF.
    timingsMs: r.timings,
    prints: r.prints,
  };
}
