// The conformance checks on the editions as built (0 findings, both claims)
// and on copies of a real edition broken one rule family at a time: each
// fixture must be caught under the rule it breaks.
import { readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, type PDFRawStream, type PDFRef } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { checkConformance, checkedRules } from "../../src/conformance/check-pdf.js";
import type { Standard } from "../../src/conformance/types.js";
import { built, EDITIONS } from "../support/built-editions.js";

const BOTH: Standard[] = ["PDF/A-3", "PDF/UA-1"];
const N = (s: string) => PDFName.of(s);

async function broken(edit: (doc: PDFDocument) => void): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(built("2026-04", "en").pdf), { updateMetadata: false });
  edit(doc);
  const bytes = await doc.save({ useObjectStreams: false });
  const { findings } = await checkConformance(bytes, BOTH);
  return findings.map((f) => `${f.standard} ${f.rule}`);
}

const fonts = (doc: PDFDocument) =>
  [...doc.context.enumerateIndirectObjects()].flatMap(([, o]) =>
    o instanceof PDFDict && o.get(N("Type")) === N("Font") && o.get(N("Subtype")) === N("Type0") ? [o] : [],
  );
const linkAnnot = (doc: PDFDocument) => {
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    for (const a of annots?.asArray() ?? []) {
      const d = doc.context.lookup(a as PDFRef, PDFDict);
      if (d.get(N("Subtype")) === N("Link")) return { d, page };
    }
  }
  throw new Error("no link in the edition");
};

describe("the editions pass what they claim", () => {
  for (const e of EDITIONS)
    it(`${e.id}-${e.language} (digital): no finding for PDF/A-3 and PDF/UA-1`, async () => {
      const { findings } = await checkConformance(readFileSync(built(e.id, e.language).pdf), BOTH);
      expect(findings).toEqual([]);
    });
  it("the report records the claims and the rules tested", () => {
    const report = JSON.parse(readFileSync(built("2026-04", "en").pdf.replace(/\.pdf$/, ".report.json"), "utf8"));
    expect(report.conformance.standards).toEqual(BOTH);
    expect(report.conformance.findings).toEqual([]);
    const checked = checkedRules();
    expect(report.conformance.rulesChecked["PDF/UA-1"]).toBe(`${checked["PDF/UA-1"].tested.length} of 106`);
  });
});

describe("a PDF broken per rule family is caught under that rule", () => {
  it("6.6.2.1-1 / 7.1-8: no Metadata", async () => {
    expect(await broken((d) => d.catalog.delete(N("Metadata")))).toEqual(expect.arrayContaining(["PDF/A-3 6.6.2.1-1", "PDF/UA-1 7.1-8"]));
  });
  it("6.6.4-1 and 5-1: XMP without pdfaid/pdfuaid", async () => {
    const found = await broken((d) => {
      const xmp = d.context.lookup(d.catalog.get(N("Metadata"))) as PDFRawStream;
      const text = Buffer.from(xmp.contents)
        .toString("utf8")
        .replace(/pdfaid:part/g, "x:part")
        .replace(/pdfuaid:part/g, "y:part");
      d.catalog.set(N("Metadata"), d.context.register(d.context.flateStream(text, { Type: "Metadata", Subtype: "XML" })));
    });
    expect(found).toEqual(expect.arrayContaining(["PDF/A-3 6.6.4-1", "PDF/UA-1 5-1"]));
  });
  it("6.2.4.3-2: no output intent", async () => {
    expect(await broken((d) => d.catalog.delete(N("OutputIntents")))).toContain("PDF/A-3 6.2.4.3-2");
  });
  it("6.7.2.2-1, 7.1-10, 7.2-33: MarkInfo, DisplayDocTitle and Lang removed", async () => {
    const found = await broken((d) => {
      d.catalog.delete(N("MarkInfo"));
      d.catalog.delete(N("ViewerPreferences"));
      d.catalog.delete(N("Lang"));
    });
    expect(found).toEqual(expect.arrayContaining(["PDF/A-3 6.7.2.2-1", "PDF/UA-1 7.1-10", "PDF/UA-1 7.2-33"]));
  });
  it("6.2.11.7.2-1 / 7.21.7-1: a font without ToUnicode; 6.2.11.4.1-1: a font not embedded", async () => {
    const found = await broken((d) => {
      const [a, b] = fonts(d);
      a.delete(N("ToUnicode"));
      const cid = d.context.lookup(b.lookup(N("DescendantFonts"), PDFArray).get(0), PDFDict);
      const fd = d.context.lookup(cid.get(N("FontDescriptor")), PDFDict);
      for (const k of ["FontFile", "FontFile2", "FontFile3"]) fd.delete(N(k));
    });
    expect(found).toEqual(
      expect.arrayContaining(["PDF/A-3 6.2.11.7.2-1", "PDF/UA-1 7.21.7-1", "PDF/A-3 6.2.11.4.1-1", "PDF/UA-1 7.21.4.1-1"]),
    );
  });
  it("6.3.2-2, 7.18.5-2, 7.18.3-1: a link not printable, without Contents, on a page without Tabs", async () => {
    const found = await broken((d) => {
      const { d: link, page } = linkAnnot(d);
      link.set(N("F"), PDFNumber.of(2));
      link.delete(N("Contents"));
      page.node.delete(N("Tabs"));
    });
    expect(found).toEqual(expect.arrayContaining(["PDF/A-3 6.3.2-2", "PDF/UA-1 7.18.5-2", "PDF/UA-1 7.18.3-1"]));
  });
  it("6.7.3.4-1 / 7.1-5: the RoleMap emptied (Strong unmapped)", async () => {
    const found = await broken((d) => {
      const root = d.context.lookup(d.catalog.get(N("StructTreeRoot")), PDFDict);
      root.delete(N("RoleMap"));
    });
    expect(found).toEqual(expect.arrayContaining(["PDF/A-3 6.7.3.4-1", "PDF/UA-1 7.1-5"]));
  });
  it("7.1-3: a line painted outside any tag or artifact", async () => {
    const found = await broken((d) => {
      const page = d.getPage(1);
      page.node.addContentStream(d.context.register(d.context.flateStream("q 0 0 m 10 10 l S Q")));
    });
    expect(found).toContain("PDF/UA-1 7.1-3");
  });
});
