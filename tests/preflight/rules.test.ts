// The parts of preflight that need no browser: link forms, the language of
// a passage, @page rules, which errors fail a build, and how findings print.
import { describe, expect, it } from "vitest";
import { findingsSummary, formatFindings } from "../../src/cli/report-findings.js";
import { guessLanguage } from "../../src/preflight/language-guess.js";
import { blockingFindings, type Finding, sortFindings } from "../../src/preflight/rules.js";
import { urlProblem } from "../../src/preflight/url-form.js";
import { parsePageRules } from "../../src/readback/page-rules.js";

describe("the form of an external link", () => {
  it.each([
    "https://www.ssi.gouv.fr/",
    "https://documentation.s3ns.fr/compute/docs/gpus?hl=fr#a3-series",
    "https://www.orange.com/en/press-release/x-233858?",
    "http://example.org",
    "mailto:contact@example.org",
    "https://xn--bcher-kva.example/",
  ])("accepts %s", (href) => expect(urlProblem(href)).toBeUndefined());

  it.each([
    ["https://cyber.gouv.fr%7Cfr", "is not a valid address"],
    ["https://www.example .org/", "white space"],
    ["htps://example.org", "scheme htps:"],
    ["https://localhost/", "no domain"],
    ["https://example.o/", 'ends in "o"'],
    ["https://exa_mple.org/", "a character a host name cannot have"],
    ["https://-example.org/", "a character a host name cannot have"],
    ["https://example..org/", "empty label"],
    ["https://user:secret@example.org/", "user name or password"],
    ["javascript:alert(1)", "scheme javascript:"],
    ["mailto:nobody", "not an e-mail address"],
  ])("refuses %s (%s)", (href, why) => expect(urlProblem(href)).toContain(why));
});

describe("the language a passage reads as", () => {
  it("tells French from English by their function words", () => {
    expect(
      guessLanguage("Mise à disposition de ressources informatiques physiques pour les clients et les administrations.")?.language,
    ).toBe("fr");
    expect(guessLanguage("The provider owns the physical infrastructure and rents it to a user.")?.language).toBe("en");
  });

  it("gives no verdict on names, acronyms and short labels", () => {
    expect(guessLanguage("IaaS (Infrastructure as a Service)")).toBeUndefined();
    expect(guessLanguage("Hosted Private Cloud powered by VMware")).toBeUndefined();
    expect(guessLanguage("Cloud de Confiance PREMI3NS")).toBeUndefined();
  });
});

describe("@page rules", () => {
  it("reads size and margins per page name, later rules winning, margin boxes ignored", () => {
    const rules = parsePageRules(`@page { size: A4; margin: 22mm 18mm 20mm; @top-left { content: "x"; margin: 9mm } }
      /* @page { size: A3 } */ @page cover { margin: 0; }`);
    parsePageRules("@page { size: calc(210mm + 24px) calc(297mm + 24px); margin-top: calc(22mm + 12px); }", rules);
    expect(rules[""]).toEqual({
      size: "calc(210mm + 24px) calc(297mm + 24px)",
      "margin-top": "calc(22mm + 12px)",
      "margin-right": "18mm",
      "margin-bottom": "20mm",
      "margin-left": "18mm",
    });
    expect(rules.cover).toEqual({ "margin-top": "0", "margin-right": "0", "margin-bottom": "0", "margin-left": "0" });
  });
});

const f = (rule: Finding["rule"], severity: Finding["severity"], page?: number): Finding => ({
  rule,
  severity,
  page,
  element: "p.x",
  section: "Editorial",
  message: "what is wrong",
});

describe("findings", () => {
  const findings = sortFindings([
    f("contrast", "error", 3),
    f("near-empty-page", "warning", 2),
    f("language", "error"),
    f("overflow", "error", 3),
  ]);

  it("fail a build when they are errors that --allow does not name", () => {
    expect(blockingFindings(findings).map((x) => x.rule)).toEqual(["language", "overflow", "contrast"]);
    expect(blockingFindings(findings, ["contrast", "language"]).map((x) => x.rule)).toEqual(["overflow"]);
  });

  it("print grouped by page, whole-document findings first, allowed errors marked", () => {
    expect(findingsSummary(findings, ["contrast"])).toBe("3 errors (1 allowed), 1 warning");
    expect(formatFindings(findings, ["contrast"], { color: false, cwd: "/" })).toBe(
      [
        "  document",
        "    error    language          p.x (in «Editorial»): what is wrong",
        "  page 2",
        "    warning  near-empty-page   p.x (in «Editorial»): what is wrong",
        "  page 3",
        "    error    overflow          p.x (in «Editorial»): what is wrong",
        "    error*   contrast          p.x (in «Editorial»): what is wrong",
        "  (error*: allowed by --allow)",
      ].join("\n"),
    );
  });
});
