// The document title and subject as a reader's tools list them: a label typed
// in capitals for the cover set in a title's case, the text typeset.
import { describe, expect, it } from "vitest";
import { documentTitle, titleCase, typesetPlain } from "../../src/pdf/metadata-text.js";

describe("document title and subject", () => {
  it("recases a label typed in capitals: sentence case in French, title case in English", () => {
    expect(documentTitle("Observatoire SecNumCloud — ÉDITION DÉCEMBRE 2025", "fr")).toBe(
      "Observatoire SecNumCloud — Édition décembre 2025",
    );
    expect(documentTitle("SecNumCloud Observatory — APRIL 2026 EDITION", "en")).toBe("SecNumCloud Observatory — April 2026 Edition");
    expect(titleCase("SecNumCloud Observatory — THE STATE OF ANSSI QUALIFICATION", "en")).toBe(
      "SecNumCloud Observatory — The State of ANSSI Qualification",
    );
  });
  it("leaves a title the editors wrote in mixed case as it is", () => {
    expect(titleCase("Observatoire SecNumCloud — Édition spéciale NIS2", "fr")).toBe("Observatoire SecNumCloud — Édition spéciale NIS2");
    expect(titleCase("ANSSI — SNC", "fr")).toBe("ANSSI — SNC");
  });
  it("typesets the subject: curly apostrophe, French spaces, and & < > kept as characters", () => {
    expect(typesetPlain("qualifiés par l'ANSSI: procédure & critères <b>", "fr")).toBe("qualifiés par l’ANSSI : procédure & critères <b>");
    expect(typesetPlain("the providers' offers", "en")).toBe("the providers’ offers");
  });
});
