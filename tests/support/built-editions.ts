// The three editions are built once per test run (vitest globalSetup) into
// a temporary folder; test files read the PDFs back instead of rebuilding.
import { readFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";

export const EDITIONS = [
  { id: "2025-12", language: "fr" },
  { id: "2026-03", language: "en" },
  { id: "2026-04", language: "en" },
] as const;

export interface BuiltEdition {
  id: string;
  language: string;
  pdf: string;
  html: string;
  report: {
    pages: number;
    bytes: number;
    sha256: string;
    bookmarks: number;
    pageNumbers: Record<string, number>;
    blockedRequests: string[];
    pageLabels: string[];
    preflight: { findings: { rule: string; page?: number; element?: string; message: string }[] };
  };
}

export function built(id: string, language: string): BuiltEdition {
  const base = path.join(inject("builtDir"), id, `${id}-${language}`);
  return { id, language, pdf: `${base}.pdf`, html: `${base}.html`, report: JSON.parse(readFileSync(`${base}.report.json`, "utf8")) };
}
