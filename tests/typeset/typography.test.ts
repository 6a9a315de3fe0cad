// Micro-typography and hyphenation on small inputs (the functions the
// renderer calls), then in the three editions as built for this run: in the
// HTML that was printed and in the PDF's text.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../src/manifest/load.js";
import { projectPaths } from "../../src/paths.js";
import { frenchSpacingFaults, straightQuoteFaults, visibleText } from "../../src/readback/text-faults.js";
import { hyphenateHtml } from "../../src/render/hyphenate.js";
import { typeset } from "../../src/render/typography.js";
import { hyphenPolicy } from "../../src/render/word-policy.js";
import { built, EDITIONS } from "../support/built-editions.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const SHY = "\u00ad";

describe("French typography", () => {
  const fr = (s: string) => typeset(s, "fr");
  it("puts U+202F before ; ! ? and U+00A0 before : and inside « »", () => {
    expect(fr("Pourquoi? Parce que; enfin! Ceci: cela")).toBe(`Pourquoi${NNBSP}? Parce que${NNBSP}; enfin${NNBSP}! Ceci${NBSP}: cela`);
    expect(fr('une "norme" « nationale »')).toBe(`une «${NBSP}norme${NBSP}» «${NBSP}nationale${NBSP}»`);
  });
  it("curls apostrophes, also before markup, and joins numbers to their units and thousands", () => {
    expect(fr("l'ANSSI, d'<strong>applications</strong>")).toBe("l’ANSSI, d’<strong>applications</strong>");
    expect(fr("hors UE: 24% et 14400 clients, 300 €, 10 Go")).toBe(
      `hors UE${NBSP}: 24${NBSP}% et 14${NBSP}400 clients, 300${NBSP}€, 10${NBSP}Go`,
    );
    expect(fr("en 2025, à 14:30, attendez...")).toBe("en 2025, à 14:30, attendez…");
    expect(fr("18 millions d'euros, 600 mil\u00adliards, 2 millionièmes")).toBe(
      `18${NBSP}millions d’euros, 600${NBSP}mil\u00adliards, 2 millionièmes`,
    );
  });
  it("leaves addresses, e-mails, attributes and code alone", () => {
    const html = `<a href="https://x.fr/a?b=c;d'e">lien</a> https://www.ssi.gouv.fr/a:b?x=1 contact@anssi.fr <code>a'b: c</code>`;
    expect(fr(html)).toBe(html);
  });
  it("is idempotent", () => {
    const once = fr(`L'ANSSI dit: "c'est stratégique; vraiment?" hors UE: 24% ... 14400`);
    expect(fr(once)).toBe(once);
  });
});

describe("English typography", () => {
  const en = (s: string) => typeset(s, "en");
  it("curls double and single quotes and apostrophes, dashes number ranges, sets ellipses", () => {
    expect(en(`It's "quoted 'inside'" from 2019-2024, pages 10-20...`)).toBe("It’s “quoted ‘inside’” from 2019–2024, pages 10–20…");
  });
  it("leaves dates, identifiers and addresses alone, and is idempotent", () => {
    const text = "On 2026-04-01, J0-J3, see https://x.org/a-b'c.";
    expect(en(text)).toBe(text);
    const once = en(`"Don't" 2019-2024...`);
    expect(en(once)).toBe(once);
  });
});

// The renderer escapes what a manifest says: "&" reaches typesetting as &amp;.
// The French rule before ";" must space the text's semicolons, never the
// entities', and text typed to show markup prints exactly as typed.
describe.each(["fr", "en"] as const)("escaped text in %s", (lang) => {
  const t = (s: string) => typeset(s, lang);
  const printed = (html: string) => visibleText(`<body>${html}`).trim();
  it("prints R&D, AT&T, Procter & Gamble as typed, the entities kept as HTML", () => {
    const html = t("<p>R&amp;D, AT&amp;T, Procter &amp; Gamble</p>");
    expect(html).toBe("<p>R&amp;D, AT&amp;T, Procter &amp; Gamble</p>");
    expect(printed(html)).toBe("R&D, AT&T, Procter & Gamble");
  });
  it("prints markup shown literally (&lt;b&gt; et &amp;) with its semicolons unspaced", () => {
    const html = t("<p>comme &amp;lt;b&amp;gt; et &amp;amp;.</p>");
    expect(printed(html)).toBe("comme &lt;b&gt; et &amp;.");
    if (lang === "fr") expect(frenchSpacingFaults(printed(html))).toEqual([]);
  });
  it("still spaces a real semicolon after an ampersand word in French, and nothing else", () => {
    const out = printed(t("<p>AT&amp;T; R&amp;D</p>"));
    expect(out).toBe(lang === "fr" ? `AT&T${NNBSP}; R&D` : "AT&T; R&D");
  });
  it("is idempotent on entities", () => {
    const once = t("<p>R&amp;D ; &amp;lt;b&amp;gt; &quot;x&quot; l&#x27;ANSSI</p>");
    expect(t(once)).toBe(once);
    expect(straightQuoteFaults(printed(once))).toEqual([]);
  });
});

describe("apostrophes and quotes Typograf leaves straight", () => {
  it("curls a plural possessive and an elided year in English", () => {
    expect(typeset("Organizations' expectations, the Jones' offer, since the '90s", "en")).toBe(
      "Organizations’ expectations, the Jones’ offer, since the ’90s",
    );
  });
  it("sets a quotation inside « » with “ ” in French, and ‘ ’ in English", () => {
    expect(typeset(`"le cloud n'est 'souverain' que si"`, "fr")).toBe(`«${NBSP}le cloud n’est “souverain” que si${NBSP}»`);
    expect(typeset(`"the cloud is 'sovereign' only if"`, "en")).toBe("“the cloud is ‘sovereign’ only if”");
  });
});

describe("a passage in the other language", () => {
  it("takes its own language's rules, and the page keeps its own", () => {
    expect(typeset('<p>Source: <span lang="fr">Bleu : étape "J1"</span>, "quoted"</p>', "en")).toBe(
      `<p>Source: <span lang="fr">Bleu${NBSP}: étape «${NBSP}J1${NBSP}»</span>, “quoted”</p>`,
    );
    expect(typeset('<p>Voir : <em lang="en">"trusted cloud"</em></p>', "fr")).toBe(
      `<p>Voir${NBSP}: <em lang="en">“trusted cloud”</em></p>`,
    );
  });
});

describe("ellipsis and connector", () => {
  it("sets an ellipsis close to its word, and leaves […] and an opening ellipsis alone", () => {
    expect(typeset("le réseau et le stockage ...", "fr")).toBe("le réseau et le stockage…");
    expect(typeset("le <strong>stockage</strong> …", "fr")).toBe("le <strong>stockage</strong>…");
    expect(typeset("Wait ... what?", "en")).toBe("Wait… what?");
    expect(typeset("[…] et « … Cloud Avenue »", "fr")).toBe(`[…] et «${NBSP}… Cloud Avenue${NBSP}»`);
  });
  it("writes a typed => connector as a colon, with the French space before it", () => {
    expect(typeset("support physique =&gt; <strong>chiffrement</strong>", "fr")).toBe(
      `support physique${NBSP}: <strong>chiffrement</strong>`,
    );
    expect(typeset("physical medium => disk encryption", "en")).toBe("physical medium: disk encryption");
    expect(typeset("<code>a =&gt; b</code> and x=>y", "en")).toBe("<code>a =&gt; b</code> and x=>y");
  });
});

describe("hyphenation", async () => {
  const { edition } = await loadManifest(path.join(projectPaths.editions, "2025-12", "fr.yaml"));
  const policy = hyphenPolicy(edition, projectPaths.templates);
  it("never breaks names from the tables, acronyms, inner capitals or words with digits", () => {
    const out = hyphenateHtml("SecNumCloud, ANSSI, NumSpot, PREMI3NS, ZeroTrustMarket et Scaleway qualifications", "fr", policy);
    expect(out).toBe("SecNumCloud, ANSSI, NumSpot, PREMI3NS, ZeroTrustMarket et Scaleway qua\u00adli\u00adfi\u00adca\u00adtions");
  });
  it("leaves a capitalised word inside a sentence whole (a name), and the words of the exceptions file", () => {
    expect(hyphenateHtml("selon Vincent Strubel, à Bruxelles", "fr", policy)).not.toContain(SHY);
    const out = hyphenateHtml("Kubernetes orchestration", "en", policy);
    expect(out.startsWith("Kubernetes ")).toBe(true);
    expect(out).toContain(SHY);
  });
  it("keeps 3 letters on each side of every break, in English and in French", () => {
    for (const lang of ["en", "fr"] as const) {
      const text = "qualification demonstration responsibility organisation interoperability européennes opérationnelles réglementation";
      let breaks = 0;
      for (const word of hyphenateHtml(text, lang, policy).split(" ")) {
        const parts = word.split(SHY);
        if (parts.length < 2) continue;
        breaks += parts.length - 1;
        expect(parts[0].length, word).toBeGreaterThanOrEqual(3);
        expect(parts[parts.length - 1].replace(/\W$/, "").length, word).toBeGreaterThanOrEqual(3);
      }
      expect(breaks, lang).toBeGreaterThan(8);
    }
    // The patterns allow "ré-férentiel" and "opé-rationnelles"; the French minimum before a break is 3 too.
    expect(hyphenateHtml("référentiel", "fr", policy)).toBe("réfé\u00adren\u00adtiel");
  });
  it("breaks only long words: ragged right sends a shorter one whole to the next line", () => {
    // The words seen broken in December's and April's editorials ("ro-|buste", "de-|vienne", "busi-|nesses").
    expect(hyphenateHtml("robuste devienne réglementé", "fr", policy)).not.toContain(SHY);
    expect(hyphenateHtml("businesses technical recognize purchased control", "en", policy)).not.toContain(SHY);
    expect(hyphenateHtml("transformation", "en", policy)).toContain(SHY);
  });
  it("breaks the words of the exceptions file where they are written", () => {
    expect(hyphenateHtml("environment", "en", policy)).toBe("envi\u00adron\u00adment");
  });
  it("never touches addresses or code", () => {
    const html = "<code>internationalisation</code> https://www.example.org/internationalisation";
    expect(hyphenateHtml(html, "en", policy)).toBe(html);
  });
});

describe.each(EDITIONS)("edition $id ($language) as built", ({ id, language }) => {
  const { html, pdf } = built(id, language);
  const text = visibleText(readFileSync(html, "utf8"));
  const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });

  it("prints no straight apostrophe or quotation mark (HTML and PDF)", () => {
    expect(straightQuoteFaults(text).map((f) => f.around)).toEqual([]);
    expect(pdfText.match(/\p{L}['"]\p{L}?/gu) ?? []).toEqual([]);
  });

  it("puts no break point in display text: headings, leads, the definition, boxes, cards, captions and notes", () => {
    const page = readFileSync(html, "utf8");
    const byTag = /<(h[1-6]|figcaption|th)\b[^>]*>[\s\S]*?<\/\1>/g;
    const byClass =
      /<(\w+)\b[^>]*\bclass="[^"]*\b(?:lead|definition|comparison|numbered-box|paas-intro|paas-offer|note)\b[^"]*"[^>]*>[\s\S]*?<\/\1>/g;
    const held = [...page.matchAll(byTag), ...page.matchAll(byClass)].filter((m) => m[0].includes(SHY));
    expect(held.map((m) => m[0].slice(0, 80))).toEqual([]);
    // The running text around them still has its break points: the test would see them.
    expect(page.split(SHY).length).toBeGreaterThan(100);
  });

  it.runIf(language === "fr")("has every French no-break space in the HTML, and no line of the PDF starts with ; : ! ? »", () => {
    expect(frenchSpacingFaults(text).map((f) => `${f.what}: ${f.around}`)).toEqual([]);
    expect(text).toContain(`quoi${NNBSP}?`);
    // The fonts have no U+202F glyph: Chromium prints it as a narrow gap, so
    // the PDF's text reads a space there; what shows is that it never breaks.
    expect(pdfText.split("\n").filter((l) => /^\s*[;:!?»]/.test(l))).toEqual([]);
  });
});
