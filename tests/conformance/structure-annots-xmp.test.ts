// The structure tree (nesting, tables, headings, notes, role map, languages),
// annotations (types, tags, descriptions) and the XMP packet (form, properties,
// extension schemas, identification prefixes): a real edition broken once per
// rule family, each fixture named by its rules.
import { inflateSync } from "node:zlib";
import { PDFArray, type PDFDict, type PDFDocument, PDFName, type PDFRawStream, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { broken, dict, elems, N } from "./break-edition.js";

const has = (found: string[], ...ids: string[]) => expect(found).toEqual(expect.arrayContaining(ids));
const retype = (e: PDFDict | undefined, type: string) => e?.set(N("S"), PDFName.of(type));

function editXmp(d: PDFDocument, edit: (xmp: string) => string) {
  const s = d.context.lookup(d.catalog.get(N("Metadata"))) as PDFRawStream;
  const text = Buffer.from(s.dict.has(N("Filter")) ? inflateSync(s.contents) : s.contents).toString("utf8");
  d.catalog.set(N("Metadata"), d.context.register(d.context.stream(Buffer.from(edit(text), "utf8"), { Type: "Metadata", Subtype: "XML" })));
}

describe("structure", () => {
  it("7.2-10, 7.2-8, 7.2-3: a TR holding a P, a header row made a Div (its TH outside a TR, a Div in the Table)", async () => {
    const found = await broken((d) => {
      retype(elems(d, "TD")[0], "P");
      retype(elems(d, "TR")[1], "Div");
    });
    has(found, "PDF/UA-1 7.2-10", "PDF/UA-1 7.2-8", "PDF/UA-1 7.2-3");
  });
  it("7.2-20, 7.2-17: an LI holding a P, an LI outside an L", async () => {
    const found = await broken((d) => {
      retype(elems(d, "LBody")[0], "P");
      retype(elems(d, "L")[1], "Div");
    });
    has(found, "PDF/UA-1 7.2-20", "PDF/UA-1 7.2-17");
  });
  it("7.2-43, 7.5-1: a row missing a cell, cells without Headers nor scoped TH", async () => {
    const found = await broken((d) => {
      const row = elems(d, "TR")[3] as PDFDict;
      const k = row.get(N("K"));
      const kids = (k instanceof PDFArray ? k : (d.context.lookup(k) as PDFArray)).asArray();
      row.set(N("K"), d.context.obj(kids.slice(1)));
      for (const c of [...elems(d, "TH"), ...elems(d, "TD")]) c.delete(N("A"));
    });
    has(found, "PDF/UA-1 7.2-43", "PDF/UA-1 7.5-1");
  });
  it("7.4.2-1, 7.4.4-2, 7.4.4-3: a level skipped (H1 then H4), H and Hn together", async () => {
    const found = await broken((d) => {
      retype(elems(d, "H2")[0], "H4");
      retype(elems(d, "H2")[1], "H");
    });
    has(found, "PDF/UA-1 7.4.2-1", "PDF/UA-1 7.4.4-2", "PDF/UA-1 7.4.4-3");
  });
  it("7.9-1, 7.7-1, 7.18.4-2: a Note without ID, a Formula without Alt, a Form without Role or widget", async () => {
    const found = await broken((d) => {
      const [a, b, c] = elems(d, "P");
      retype(a, "Note");
      retype(b, "Formula");
      retype(c, "Form");
    });
    has(found, "PDF/UA-1 7.9-1", "PDF/UA-1 7.7-1", "PDF/UA-1 7.18.4-2");
  });
  it("6.7.3.4-2 / 7.1-6, 6.7.3.4-3: a circular role mapping, a standard type remapped", async () => {
    const found = await broken((d) => {
      const root = dict(d, d.catalog.get(N("StructTreeRoot"))) as PDFDict;
      const map = dict(d, root.get(N("RoleMap"))) as PDFDict;
      map.set(N("Loop1"), PDFName.of("Loop2"));
      map.set(N("Loop2"), PDFName.of("Loop1"));
      map.set(N("Caption"), PDFName.of("P"));
      retype(elems(d, "P")[0], "Loop1");
    });
    has(found, "PDF/A-3 6.7.3.4-2", "PDF/UA-1 7.1-6", "PDF/A-3 6.7.3.4-3");
  });
  it("6.7.4-1 / 7.2-29: a Lang that is not a language tag; 7.2-2, 7.2-22, 7.2-24, 7.2-34: no catalog Lang", async () => {
    const found = await broken((d) => {
      for (const e of elems(d)) e.delete(N("Lang"));
      elems(d, "P")[0]?.set(N("Lang"), PDFString.of("en_GB!"));
      d.catalog.delete(N("Lang"));
    });
    has(found, "PDF/A-3 6.7.4-1", "PDF/UA-1 7.2-29", "PDF/UA-1 7.2-2", "PDF/UA-1 7.2-22", "PDF/UA-1 7.2-24", "PDF/UA-1 7.2-34");
  });
});

describe("annotations", () => {
  it("6.3.1-1, 6.3.3-4, 7.18.1-2, 7.18.2-1: a Movie annotation whose N is no stream, a visible TrapNet, neither with Contents", async () => {
    const found = await broken((d) => {
      const page = d.getPage(0).node;
      const ap = { N: { On: d.context.register(d.context.stream("", { Type: "XObject", Subtype: "Form", BBox: [0, 0, 1, 1] })) } };
      const movie = d.context.register(
        d.context.obj({ Type: "Annot", Subtype: "Movie", Rect: [10, 10, 20, 20], F: 4, AP: ap, StructParent: 0 }),
      );
      const trap = d.context.register(d.context.obj({ Type: "Annot", Subtype: "TrapNet", Rect: [10, 10, 20, 20], F: 4 }));
      page.set(N("Annots"), d.context.obj([...(page.Annots()?.asArray() ?? []), movie, trap]));
    });
    has(found, "PDF/A-3 6.3.1-1", "PDF/A-3 6.3.3-4", "PDF/UA-1 7.18.1-2", "PDF/UA-1 7.18.2-1");
  });
  it("7.18.5-1: links whose structure parent is not a Link; 7.18.6.2-1: a media clip without CT", async () => {
    const found = await broken((d) => {
      for (const l of elems(d, "Link")) retype(l, "Span");
      d.catalog.set(N("Clip"), d.context.register(d.context.obj({ Type: "MediaClip", S: "MCD" })));
    });
    has(found, "PDF/UA-1 7.18.5-1", "PDF/UA-1 7.18.6.2-1");
  });
});

describe("XMP", () => {
  it("6.6.2.1-4: a packet that is not well-formed", async () => {
    has(await broken((d) => editXmp(d, (x) => x.replace("</x:xmpmeta>", ""))), "PDF/A-3 6.6.2.1-4");
  });
  it("6.6.2.3.1-1, 6.6.2.3.1-2, 6.6.4-4, 5-2, 5-3: an undescribed property, a date that is none, pdfaid and pdfuaid under other prefixes, part 2", async () => {
    const found = await broken((d) =>
      editXmp(d, (x) =>
        x
          .replace("<xmp:CreateDate>", '<my:Thing xmlns:my="http://example.org/my/">1</my:Thing><xmp:CreateDate>')
          .replace(/<xmp:ModifyDate>[^<]*/, "<xmp:ModifyDate>yesterday")
          .replace(/pdfaid:part/g, "aid:part")
          .replace('xmlns:pdfaid="', 'xmlns:aid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfaid="')
          .replace(/<pdfuaid:part>1</, "<pdfuaid:part>2<")
          .replace(/pdfuaid:part>/g, "uaid:part>")
          .replace('xmlns:pdfuaid="', 'xmlns:uaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfuaid="'),
      ),
    );
    has(found, "PDF/A-3 6.6.2.3.1-1", "PDF/A-3 6.6.2.3.1-2", "PDF/A-3 6.6.4-4", "PDF/UA-1 5-2", "PDF/UA-1 5-3");
  });
  it("6.6.2.3.3-9, 6.6.2.3.2-1, 6.6.2.3.3-8: an extension property of another category, an undefined field, an undefined value type", async () => {
    const found = await broken((d) =>
      editXmp(d, (x) =>
        x
          .replace("<pdfaProperty:category>internal", "<pdfaProperty:category>secret")
          .replace("<pdfaProperty:valueType>Integer", "<pdfaProperty:valueType>Widget")
          .replace("</pdfaSchema:prefix>", "</pdfaSchema:prefix><pdfaSchema:color>blue</pdfaSchema:color>"),
      ),
    );
    has(found, "PDF/A-3 6.6.2.3.3-9", "PDF/A-3 6.6.2.3.2-1", "PDF/A-3 6.6.2.3.3-8");
  });
});
