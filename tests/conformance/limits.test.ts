// Every rule of both profiles has a check, and the limits said of some name real rules.
import { describe, expect, it } from "vitest";
import { checkedRules } from "../../src/conformance/check-pdf.js";
import { PARTIAL } from "../../src/conformance/limits.js";
import { PDFA3_RULES, PDFUA1_RULES } from "../../src/conformance/profile-rules.js";

describe("the rules checked", () => {
  it("are every rule of the PDF/A-3a and PDF/UA-1 profiles, and only those", () => {
    const c = checkedRules();
    expect(c["PDF/A-3"].tested).toEqual(PDFA3_RULES.map((r) => r.id).sort());
    expect(c["PDF/UA-1"].tested).toEqual(PDFUA1_RULES.map((r) => r.id).sort());
  });
  it("with limits said for rules that exist", () => {
    const ids = new Set([...PDFA3_RULES, ...PDFUA1_RULES].map((r) => r.id));
    const named = Object.keys(PARTIAL).flatMap((k) => k.split(" / "));
    expect(named.filter((id) => !ids.has(id))).toEqual([]);
  });
});
