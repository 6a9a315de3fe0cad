// The three published editions, as built once for the whole run (vitest
// globalSetup), pass preflight with no errors; what they do trip is recorded
// in their build report.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/preflight/rules.js";
import { built, EDITIONS } from "../support/built-editions.js";

describe.each(EDITIONS)("edition $id ($language)", ({ id, language }) => {
  const report = built(id, language).report as unknown as { preflight: { errors: number; warnings: number; findings: Finding[] } };

  it("passes preflight with no errors", () => {
    const errors = report.preflight.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `page ${f.page} ${f.rule} ${f.element}: ${f.message}`)).toEqual([]);
    expect(report.preflight.errors).toBe(0);
  });

  it("reports every finding with a rule, a severity, an element and, when on a page, a page of the edition", () => {
    for (const f of report.preflight.findings) {
      expect(["error", "warning"]).toContain(f.severity);
      expect(f.element).not.toBe("");
      if (f.page !== undefined) expect(f.page).toBeGreaterThanOrEqual(1);
    }
  });
});
