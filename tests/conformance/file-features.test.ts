// File syntax, limits and the features the pipeline never writes (forms,
// actions, optional content, signatures, alternate presentations), and
// embedded files: a real edition broken once per rule family, each fixture
// named by the rules it must be caught under.
import { PDFArray, PDFHexString, PDFName, PDFNumber, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { BOTH, broken, N } from "./break-edition.js";

const has = (found: string[], ...ids: string[]) => expect(found).toEqual(expect.arrayContaining(ids));

describe("file syntax and limits", () => {
  it("the edition saved again unchanged: no finding (the fixtures below start from zero)", async () => {
    expect(await broken(() => {})).toEqual([]);
    expect(BOTH).toHaveLength(2);
  });
  it("6.1.3-3 and 6.1.2-2: bytes after %%EOF, a header without its binary comment", async () => {
    const found = await broken(
      () => {},
      (b) => {
        const text = Buffer.from(b)
          .toString("latin1")
          .replace(/^(%PDF-1\.\d\n)%[^\n]{4}/, "$1%abcd");
        return Buffer.concat([Buffer.from(text, "latin1"), Buffer.from("\ntrailing garbage\n")]);
      },
    );
    has(found, "PDF/A-3 6.1.3-3", "PDF/A-3 6.1.2-2");
  });
  it("6.1.7.1-3, 6.1.7.2-1: a stream with F and LZWDecode", async () => {
    const found = await broken((d) => {
      const s = d.context.stream("x", { Filter: "LZWDecode", F: PDFString.of("ext.bin") });
      d.catalog.set(N("Junk"), d.context.register(s));
    });
    has(found, "PDF/A-3 6.1.7.1-3", "PDF/A-3 6.1.7.2-1");
  });
  it("6.1.13-1, 6.1.13-4, 6.1.6-1, 6.1.13-11: an integer too large, a name too long, an odd hex string, a tiny CropBox", async () => {
    const found = await broken((d) => {
      d.catalog.set(N("Big"), PDFNumber.of(3_000_000_000));
      d.catalog.set(N("Long"), PDFName.of("x".repeat(200)));
      d.catalog.set(N("Hex"), PDFHexString.of("ABC"));
      d.getPage(0).node.set(N("CropBox"), d.context.obj([0, 0, 2, 2]));
    });
    has(found, "PDF/A-3 6.1.13-1", "PDF/A-3 6.1.13-4", "PDF/A-3 6.1.6-1", "PDF/A-3 6.1.13-11");
  });
});

describe("features the pipeline never writes, caught when present", () => {
  it("6.4.1-3, 6.4.2-1, 6.4.2-2: an AcroForm with XFA and NeedAppearances, NeedsRendering", async () => {
    const found = await broken((d) => {
      d.catalog.set(
        N("AcroForm"),
        d.context.obj({ Fields: [], NeedAppearances: true, XFA: d.context.register(d.context.stream("<xdp/>")) }),
      );
      d.catalog.set(N("NeedsRendering"), d.context.obj(true));
    });
    has(found, "PDF/A-3 6.4.1-3", "PDF/A-3 6.4.2-1", "PDF/A-3 6.4.2-2");
  });
  it("6.5.1-1, 6.5.1-2, 6.5.2-1, 6.5.2-2: a JavaScript open action, a named action, document and page AA", async () => {
    const found = await broken((d) => {
      d.catalog.set(
        N("OpenAction"),
        d.context.obj({ S: "JavaScript", JS: PDFString.of("app.alert(1)"), Next: { Type: "Action", S: "Named", N: "Print" } }),
      );
      d.catalog.set(N("AA"), d.context.obj({}));
      d.getPage(0).node.set(N("AA"), d.context.obj({}));
    });
    has(found, "PDF/A-3 6.5.1-1", "PDF/A-3 6.5.1-2", "PDF/A-3 6.5.2-1", "PDF/A-3 6.5.2-2");
  });
  it("6.9-1 / 7.10-1, 6.9-3, 6.9-4 / 7.10-2: optional content without a Name, an OCG not in Order, AS", async () => {
    const found = await broken((d) => {
      const ocg = d.context.register(d.context.obj({ Type: "OCG", Name: PDFString.of("layer") }));
      d.catalog.set(N("OCProperties"), d.context.obj({ OCGs: [ocg], D: { Order: [], AS: [] } }));
    });
    has(found, "PDF/A-3 6.9-1", "PDF/UA-1 7.10-1", "PDF/A-3 6.9-3", "PDF/A-3 6.9-4", "PDF/UA-1 7.10-2");
  });
  it("6.10-1, 6.10-2, 6.11-1, 6.1.12-1: alternate presentations, PresSteps, Requirements, Perms with another key", async () => {
    const found = await broken((d) => {
      d.catalog.set(N("Names"), d.context.obj({ AlternatePresentations: {} }));
      d.getPage(0).node.set(N("PresSteps"), d.context.obj({}));
      d.catalog.set(N("Requirements"), d.context.obj([]));
      d.catalog.set(N("Perms"), d.context.obj({ Other: {} }));
    });
    has(found, "PDF/A-3 6.10-1", "PDF/A-3 6.10-2", "PDF/A-3 6.11-1", "PDF/A-3 6.1.12-1");
  });
  it("6.4.3-1, 6.4.3-2, 6.4.3-3: a signature that covers part of the file and holds no SignedData", async () => {
    const found = await broken((d) => {
      d.catalog.set(
        N("Sig"),
        d.context.register(d.context.obj({ Type: "Sig", ByteRange: [0, 10, 20, 10], Contents: PDFHexString.of("3000") })),
      );
    });
    has(found, "PDF/A-3 6.4.3-1", "PDF/A-3 6.4.3-2", "PDF/A-3 6.4.3-3");
  });
});

describe("embedded files (6.8, UA 7.11)", () => {
  const attach = (good: boolean) => (d: Parameters<Parameters<typeof broken>[0]>[0]) => {
    const file = d.context.register(d.context.stream("a,b\n1,2\n", { Type: "EmbeddedFile", ...(good ? { Subtype: "text/csv" } : {}) }));
    const spec = d.context.register(
      d.context.obj({
        Type: "Filespec",
        F: PDFString.of("data.csv"),
        ...(good ? { UF: PDFHexString.fromText("data.csv"), AFRelationship: "Data" } : {}),
        EF: { F: file },
      }),
    );
    d.catalog.set(N("Names"), d.context.obj({ EmbeddedFiles: { Names: [PDFHexString.fromText("data.csv"), spec] } }));
    // Added to the catalog's AF beside the edition's own data files, which are attached already.
    const af = d.catalog.lookup(N("AF"));
    if (good && af instanceof PDFArray) af.push(spec);
    else if (good) d.catalog.set(N("AF"), d.context.obj([spec]));
  };
  it("a conforming attachment (MIME subtype, F and UF, AFRelationship, in the catalog's AF): no finding", async () => {
    expect(await broken(attach(true))).toEqual([]);
  });
  it("6.8-1, 6.8-2, 6.8-3, 6.8-4, 7.11-1: one without MIME subtype, UF, AFRelationship or AF", async () => {
    has(await broken(attach(false)), "PDF/A-3 6.8-1", "PDF/A-3 6.8-2", "PDF/A-3 6.8-3", "PDF/A-3 6.8-4", "PDF/UA-1 7.11-1");
  });
});
