// Where a rule's check reads less than veraPDF's test: every rule of both
// profiles has a check (checkedRules()), these ones with the limit said here.
// The pipeline writes none of what falls outside (it writes Type0 fonts over
// TrueType programs, no simple fonts, no images, no XFA), so on its PDFs the
// check and veraPDF's test read the same objects.

export const PARTIAL: Record<string, string> = {
  "6.2.11.4.1-2 / 7.21.4.1-2":
    "glyph presence read in TrueType programs (CIDFontType2); CFF and Type 1 programs are not parsed (veraPDF's unknown value passes too)",
  "6.2.11.5-1 / 7.21.5-1": "widths compared for CID fonts over TrueType programs; simple fonts' codes are not mapped to glyphs",
  "6.2.11.8-1 / 7.21.8-1": ".notdef is GID 0 in CID fonts, or a Differences name in simple fonts",
  "6.2.11.7.2-1 / 7.21.7-1":
    "a simple font with WinAnsi, MacRoman or Standard encoding counts as mapped (its glyph names are not checked against the glyph list)",
  "6.2.11.6-2 / 7.21.6-2": "Differences' names are not checked against the Adobe Glyph List",
  "6.2.11.4.2-1 / 7.21.4.2-1": "CharSet compared with Type 1 programs (FontFile, eexec decrypted); CFF programs' charsets not read",
  "6.2.11.4.2-2 / 7.21.4.2-2": "CIDSet compared with TrueType programs; a CIDSet over a CFF program is reported as unreadable",
  "6.1.13-1": "pdf-lib keeps no integer/real distinction: an integer is a number written without a decimal point",
  "6.1.7.1-1": "Length against the bytes pdf-lib reads up to endstream",
  "6.1.4-2 / 6.1.9-1 / 6.1.7.1-2": "read in the file's bytes with patterns; objects inside object streams have no such syntax",
  "6.6.2.3.1-1":
    "predefined schemas: dc, xmp, xmpRights, xmpMM, pdf, pdfaid, xmpTPg; other XMP 2005 schemas (photoshop, tiff, exif…) are reported",
  "6.6.2.3.1-2": "simple types, Bag/Seq/Alt of them and Lang Alt are checked; structured types (Thumbnail, ResourceRef…) are not",
  "6.4.3-2 / 6.4.3-3": "the CMS structure is read (certificates present, SignerInfo count); certificates are not validated",
  "7.15-1": "an XFA form's dynamicRender found by searching its XML",
  "7.5-1 / 7.5-2": "a TD's header is found by Headers IDs or a TH with Row/Column/Both scope in its row or column",
  "7.2-34": "a text's language: its marked content's Lang, its element's or an ancestor's (ParentTree), or the catalog's",
};
