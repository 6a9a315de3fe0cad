// Graphics (colour spaces, output intent, graphics state, images, XObjects,
// operators) and fonts (dictionaries, programs, every glyph shown): a real
// edition broken once per rule family, each fixture named by its rules.
import { inflateSync } from "node:zlib";
import { type PDFDict, type PDFDocument, PDFName, type PDFRawStream, type PDFRef } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { arr, broken, dict, fontsOf, N, paint, resources } from "./break-edition.js";

const has = (found: string[], ...ids: string[]) => expect(found).toEqual(expect.arrayContaining(ids));

/** A JP2 file's boxes: signature, ftyp, jp2h (ihdr with `channels`, colr enumerated `cs`). */
function jp2(channels: number, cs: number): Buffer {
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length, 0);
    head.write(type, 4, "latin1");
    return Buffer.concat([head, body]);
  };
  const ihdr = Buffer.alloc(14);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr.writeUInt16BE(channels, 8);
  ihdr[10] = 7;
  const colr = Buffer.alloc(7);
  colr[0] = 1;
  colr.writeUInt32BE(cs, 3);
  return Buffer.concat([
    box("jP  ", Buffer.from([13, 10, 135, 10])),
    box("ftyp", Buffer.from("jp2 \0\0\0\0jp2 ", "latin1")),
    box("jp2h", Buffer.concat([box("ihdr", ihdr), box("colr", colr)])),
  ]);
}

const firstFont = (d: PDFDocument) => {
  const fonts = resources(d, "Font");
  const [name, ref] = fonts.entries()[0] as [PDFName, PDFRef];
  return { name: name.decodeText(), font: dict(d, ref) as PDFDict };
};

describe("colour, graphics state, images, XObjects, operators", () => {
  it("6.2.4.3-3, 6.2.4.4-1, 6.1.13-9: DeviceCMYK painted under an RGB output intent, a DeviceN of 33 colourants without Colorants", async () => {
    const found = await broken((d) => {
      const names = Array.from({ length: 33 }, (_, i) => `Spot${i}`);
      resources(d, "ColorSpace").set(
        N("CS9"),
        d.context.obj(["DeviceN", names, "DeviceRGB", d.context.register(d.context.obj({ FunctionType: 2, Domain: [0, 1], N: 1 }))]),
      );
      paint(d, "0 0 1 0 k 0 0 10 10 re f /CS9 cs 0 0 10 10 re f");
    });
    has(found, "PDF/A-3 6.2.4.3-3", "PDF/A-3 6.2.4.4-1", "PDF/A-3 6.1.13-9");
  });
  it("6.2.3-1: an output profile whose class is an input device's", async () => {
    const found = await broken((d) => {
      const intent = dict(d, arr(d, d.catalog.get(N("OutputIntents")))?.get(0)) as PDFDict;
      const ref = intent.get(N("DestOutputProfile")) as PDFRef;
      const stream = d.context.lookup(ref) as PDFRawStream;
      const data = Buffer.from(stream.dict.has(N("Filter")) ? inflateSync(stream.contents) : stream.contents);
      data.write("scnr", 12, "latin1");
      d.context.assign(ref, d.context.flateStream(data, { N: 3 }));
    });
    has(found, "PDF/A-3 6.2.3-1");
  });
  it("6.2.5-1, 6.2.5-3, 6.2.5-4, 6.2.6-1, 6.2.10-1: an ExtGState with TR, HTP, a type 6 halftone, a bad intent and blend mode", async () => {
    const found = await broken((d) => {
      resources(d, "ExtGState").set(
        N("GSx"),
        d.context.obj({ TR: "Identity", HTP: [], HT: { HalftoneType: 6 }, RI: "Vivid", BM: "Dissolve" }),
      );
    });
    has(found, "PDF/A-3 6.2.5-1", "PDF/A-3 6.2.5-3", "PDF/A-3 6.2.5-4", "PDF/A-3 6.2.6-1", "PDF/A-3 6.2.10-1");
  });
  it("6.2.8-1, 6.2.8-3, 6.2.8-4, 6.2.8.3-1, 6.2.8.3-4: images with Alternates, Interpolate, 3 bits, a JPEG 2000 of 2 channels in CIEJab", async () => {
    const found = await broken((d) => {
      const xo = resources(d, "XObject");
      xo.set(
        N("Im8"),
        d.context.register(
          d.context.stream("\0", {
            Type: "XObject",
            Subtype: "Image",
            Width: 1,
            Height: 1,
            ColorSpace: "DeviceRGB",
            BitsPerComponent: 3,
            Interpolate: true,
            Alternates: [],
          }),
        ),
      );
      xo.set(
        N("Im9"),
        d.context.register(d.context.stream(jp2(2, 19), { Type: "XObject", Subtype: "Image", Width: 1, Height: 1, Filter: "JPXDecode" })),
      );
    });
    has(found, "PDF/A-3 6.2.8-1", "PDF/A-3 6.2.8-3", "PDF/A-3 6.2.8-4", "PDF/A-3 6.2.8.3-1", "PDF/A-3 6.2.8.3-4");
  });
  it("6.2.9-1, 6.2.9-2 / 7.20-1, 6.2.9-3: a PostScript XObject, a form with Subtype2 PS and a reference XObject", async () => {
    const found = await broken((d) => {
      const xo = resources(d, "XObject");
      xo.set(N("PS1"), d.context.register(d.context.stream("", { Type: "XObject", Subtype: "PS" })));
      xo.set(
        N("Fm1"),
        d.context.register(
          d.context.stream("", { Type: "XObject", Subtype: "Form", Subtype2: "PS", BBox: [0, 0, 1, 1], Ref: { F: "x.pdf", Page: 0 } }),
        ),
      );
    });
    has(found, "PDF/A-3 6.2.9-1", "PDF/A-3 6.2.9-2", "PDF/UA-1 7.20-1", "PDF/A-3 6.2.9-3");
  });
  it("6.2.2-1, 6.1.13-8, 6.1.10-1, 6.2.2-2: an undefined operator, q nested 30 deep, an LZW inline image, a form using its page's font", async () => {
    const found = await broken((d) => {
      const { name } = firstFont(d);
      const form = d.context.register(
        d.context.flateStream(`BT /${name} 9 Tf <0001> Tj ET`, { Type: "XObject", Subtype: "Form", BBox: [0, 0, 10, 10] }),
      );
      resources(d, "XObject").set(N("FmNoRes"), form);
      paint(d, `${"q ".repeat(30)}${"Q ".repeat(30)} 1 frob BI /W 1 /H 1 /BPC 8 /CS /G /F /LZW ID x EI /FmNoRes Do`);
    });
    has(found, "PDF/A-3 6.2.2-1", "PDF/A-3 6.1.13-8", "PDF/A-3 6.1.10-1", "PDF/A-3 6.2.2-2");
  });
});

describe("fonts and glyphs", () => {
  it("6.2.11.5-1 / 7.21.5-1: widths in the font dictionary unlike the program's (W removed, DW 1000)", async () => {
    const found = await broken((d) => {
      for (const f of fontsOf(d, "CIDFontType2")) {
        f.delete(N("W"));
        f.set(N("DW"), d.context.obj(1000));
      }
    });
    has(found, "PDF/A-3 6.2.11.5-1", "PDF/UA-1 7.21.5-1");
  });
  it("6.2.11.7.2-1 / 7.21.7-1, 6.2.11.7.2-2 / 7.21.7-2, 6.2.11.7.3-1: codes without Unicode, mapped to U+FEFF, to private use", async () => {
    const cmap = (body: string) =>
      `/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange ${body} endcmap end end`;
    const found = await broken((d) => {
      const [a, b, c] = fontsOf(d, "Type0") as [PDFDict, PDFDict, PDFDict];
      a.set(N("ToUnicode"), d.context.register(d.context.flateStream(cmap(""))));
      b.set(
        N("ToUnicode"),
        d.context.register(d.context.flateStream(cmap(`1 beginbfrange <0000> <00FF> [${"<FEFF> ".repeat(256)}] endbfrange`))),
      );
      c.set(N("ToUnicode"), d.context.register(d.context.flateStream(cmap("1 beginbfrange <0000> <0FFF> <E000> endbfrange"))));
    });
    has(found, "PDF/A-3 6.2.11.7.2-1", "PDF/UA-1 7.21.7-1", "PDF/A-3 6.2.11.7.2-2", "PDF/UA-1 7.21.7-2", "PDF/A-3 6.2.11.7.3-1");
  });
  it("6.2.11.8-1 / 7.21.8-1, 6.2.11.4.1-2 / 7.21.4.1-2: .notdef shown, a glyph the program does not have", async () => {
    const found = await broken((d) => paint(d, `BT /${firstFont(d).name} 9 Tf <0000> Tj <FFF0> Tj ET`));
    has(found, "PDF/A-3 6.2.11.8-1", "PDF/UA-1 7.21.8-1", "PDF/A-3 6.2.11.4.1-2", "PDF/UA-1 7.21.4.1-2");
  });
  it("6.2.11.3.1-1, 6.2.11.3.3-1 / 7.21.3.3-1, 6.2.11.4.2-2 / 7.21.4.2-2: a CMap neither predefined nor embedded, a CIDSet missing CIDs", async () => {
    const found = await broken((d) => {
      const [a] = fontsOf(d, "Type0") as [PDFDict];
      a.set(N("Encoding"), PDFName.of("Private-H"));
      const cid = fontsOf(d, "CIDFontType2")[0] as PDFDict;
      dict(d, cid.get(N("FontDescriptor")))?.set(N("CIDSet"), d.context.register(d.context.flateStream(new Uint8Array(4))));
    });
    has(found, "PDF/A-3 6.2.11.3.1-1", "PDF/A-3 6.2.11.3.3-1", "PDF/UA-1 7.21.3.3-1", "PDF/A-3 6.2.11.4.2-2", "PDF/UA-1 7.21.4.2-2");
  });
  it("6.2.11.2-3, 6.2.11.2-6, 6.2.11.6-2 / 7.21.6-2: a simple TrueType font without BaseFont, short Widths, StandardEncoding", async () => {
    const found = await broken((d) => {
      const cid = fontsOf(d, "CIDFontType2")[0] as PDFDict;
      const program = dict(d, cid.get(N("FontDescriptor")))?.get(N("FontFile2"));
      const fd = d.context.register(
        d.context.obj({ Type: "FontDescriptor", FontName: "ABCDEF+X", Flags: 32, FontFile2: program as PDFRef }),
      );
      const f = d.context.register(
        d.context.obj({
          Type: "Font",
          Subtype: "TrueType",
          FirstChar: 32,
          LastChar: 40,
          Widths: [500],
          Encoding: "StandardEncoding",
          FontDescriptor: fd,
        }),
      );
      resources(d, "Font").set(N("TT9"), f);
    });
    has(found, "PDF/A-3 6.2.11.2-3", "PDF/A-3 6.2.11.2-6", "PDF/A-3 6.2.11.6-2", "PDF/UA-1 7.21.6-2");
  });
});
