// A heading's last two words wrap together (render/heading-lines.ts), and the
// built editions have no heading ending on a line of one word (preflight's
// heading-last-word, measured in the page that printed them).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { headingLastWord } from "../../src/preflight/judge-typography.js";
import { bindHeadingEnds } from "../../src/render/heading-lines.js";
import { built, EDITIONS } from "../support/built-editions.js";

const NBSP = "\u00a0";

describe("heading ends", () => {
  it("joins the last two words of a heading of three words or more", () => {
    expect(bindHeadingEnds('<h1 id="x">Cloud: A Pillar of Our Digital Sovereignty</h1>')).toBe(
      `<h1 id="x">Cloud: A Pillar of Our Digital${NBSP}Sovereignty</h1>`,
    );
    // A pair with a hyphen does not wrap at all: Chromium would end the line after the hyphen.
    expect(bindHeadingEnds("<h2>It establishes a multi-dimensional framework</h2>")).toBe(
      `<h2>It establishes a <span class="pair-whole">multi-dimensional${NBSP}framework</span></h2>`,
    );
    expect(bindHeadingEnds("<h3>A <em>market</em> shift: a new purchasing equation</h3>")).toContain(`purchasing${NBSP}equation`);
  });
  it("joins the last two words of a PaaS offer card's paragraphs, not of other paragraphs", () => {
    expect(
      bindHeadingEnds(
        '<div class="paas-offer span-2"><h3>S3NS</h3><p>Offre les services de Google dans un environnement SecNumCloud</p><p class="qualification"><strong>Triple qualification en cours :</strong> IaaS, CaaS, PaaS</p></div><p>Running text ends as it falls</p>',
      ),
    ).toBe(
      `<div class="paas-offer span-2"><h3>S3NS</h3><p>Offre les services de Google dans un environnement${NBSP}SecNumCloud</p><p class="qualification"><strong>Triple qualification en cours :</strong> IaaS, CaaS,${NBSP}PaaS</p></div><p>Running text ends as it falls</p>`,
    );
  });
  it("leaves two-word headings, long pairs, a last word in markup and running text alone", () => {
    for (const html of [
      "<h3>Nimbus Armorique</h3>",
      "<h2>Requirements of interoperability responsibilities</h2>",
      '<h3>Name and more <span class="q-badge">★ Qualified</span></h3>',
      "<p>A paragraph that ends on one word</p>",
    ])
      expect(bindHeadingEnds(html)).toBe(html);
  });
  it("judges a heading's lines: one word alone on the last of three words or more", () => {
    expect(headingLastWord(["It establishes a multi-dimensional", "framework"])).toBe("framework");
    expect(headingLastWord(["Nimbus", "Armorique"])).toBeUndefined();
    expect(headingLastWord(["It establishes a", "multi-dimensional framework"])).toBeUndefined();
    expect(headingLastWord(["One line only"])).toBeUndefined();
  });
});

describe.each(EDITIONS)("edition $id ($language) as built", ({ id, language }) => {
  it("has no heading-last-word finding, and its headings' last two words bound", () => {
    const b = built(id, language);
    const findings = (b.report as unknown as { preflight: { findings: { rule: string }[] } }).preflight.findings;
    expect(findings.filter((f) => f.rule === "heading-last-word")).toEqual([]);
    expect(readFileSync(b.html, "utf8")).toMatch(new RegExp(`<h[1-6][^>]*>[^<]*\\S${NBSP}\\S+</h`));
  });
});
