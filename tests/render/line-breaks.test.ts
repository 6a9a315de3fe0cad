// What the rendering does so that a line never breaks inside a date, a
// compound proper name or after an address's own hyphen; the PDF side of
// the same rules is held by the preflight fixtures (split-date,
// name-hyphen-break, url-hyphen-break) and the built editions.
import { describe, expect, it } from "vitest";
import { addressPieces, breakAddresses } from "../../src/render/address-breaks.js";
import { bindCompoundNames } from "../../src/render/compound-names.js";
import { typeset } from "../../src/render/typography.js";

const shown = (s: string) => s.replace(/\u00a0/g, "~").replace(/\u202f/g, "^");

describe("dates", () => {
  it("joins day, month and year with no-break spaces, in French and English", () => {
    expect(shown(typeset("Déposé le 19 février 2026, le 1er mai et en octobre 2025.", "fr"))).toBe(
      "Déposé le 19~février~2026, le 1er~mai et en octobre~2025.",
    );
    expect(shown(typeset("On 3 May 2026, on May 3, 2026 and in March 2026.", "en"))).toBe(
      "On 3~May~2026, on May~3,~2026 and in March~2026.",
    );
  });

  it("leaves what is not a date alone, and is idempotent", () => {
    expect(shown(typeset("The 3 may apply; 12 providers.", "en"))).toBe("The 3 may apply; 12 providers.");
    const once = typeset("Le 19 février 2026 ; Octobre 2025", "fr");
    expect(typeset(once, "fr")).toBe(once);
  });
});

describe("compound proper names", () => {
  const body = (s: string) => bindCompoundNames(`<html><head><title>Île-de-France</title></head><body><p>${s}</p></body></html>`);

  it("sets each whole, outside the head, SVG and addresses", () => {
    const out = body(
      "En Île-de-France, l’Hauts-de-France, Centre-Val de Loire ; https://a.fr/Saint-Denis ; est-ce <svg><text>Île-de-France</text></svg>",
    );
    expect(out.match(/<span class="name-whole">[^<]*<\/span>/g)).toEqual([
      '<span class="name-whole">Île-de-France</span>',
      '<span class="name-whole">Hauts-de-France</span>',
      '<span class="name-whole">Centre-Val</span>',
    ]);
    expect(out).toContain("<title>Île-de-France</title>");
  });
});

describe("web addresses", () => {
  it("break after slashes and before . - _ ? # & =, never after a hyphen of the address", () => {
    const pieces = addressPieces("https://www.example-press.fr/for-french-customers_x?id=1&lang=fr#top");
    expect(pieces).toEqual([
      "https://",
      "www",
      ".example",
      "-press",
      ".fr/",
      "for",
      "-french",
      "-customers",
      "_x",
      "?id",
      "=1",
      "&lang",
      "=fr",
      "#top",
    ]);
    for (const p of pieces.slice(1)) expect(p.endsWith("-")).toBe(false);
    expect(pieces.join("")).toBe("https://www.example-press.fr/for-french-customers_x?id=1&lang=fr#top");
  });

  it("keep their text and entities, in the sources, the links and links that show their address", () => {
    const html = breakAddresses(
      '<p class="source-url">https://a-b.fr/x?id&#x3D;1&amp;l</p><a href="https://c.fr/d-e">https://c.fr/d-e</a><a href="https://c.fr">Site</a>',
    );
    expect(html).toContain(
      '<span translate="no"><span class="url-piece">https://</span><wbr><span class="url-piece">a</span><wbr><span class="url-piece">-b</span>',
    );
    expect(html).toContain('<span class="url-piece">=1</span><wbr><span class="url-piece">&amp;l</span>');
    expect(html).toContain('<span class="url-piece">-e</span></span></a>');
    expect(html).toContain('<a href="https://c.fr">Site</a>');
    expect(html.replace(/<[^>]+>/g, "")).toBe("https://a-b.fr/x?id=1&amp;lhttps://c.fr/d-eSite");
  });
});
