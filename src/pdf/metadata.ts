// The Info dictionary and the XMP packet, written from one DocumentInfo so
// they agree field by field (PDF/UA and archive validators compare them).
import { PDFBool, PDFDict, type PDFDocument, PDFName } from "pdf-lib";
import { documentTitle, typesetPlain } from "./metadata-text.js";
import { type DocumentInfo, keywordsText, xmpPacket } from "./xmp.js";

export function writeMetadata(doc: PDFDocument, given: DocumentInfo, documentId: string): void {
  // Title and subject as the printed text is set: no capitals typed for the
  // cover, no straight apostrophe (metadata-text.ts). Info and XMP get the same.
  const language = given.language.split("-")[0] === "fr" ? "fr" : "en";
  const info: DocumentInfo = {
    ...given,
    title: documentTitle(given.title, language),
    subject: given.subject === undefined ? undefined : typesetPlain(given.subject, language),
  };
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  // pdf-lib joins keywords with spaces, which splits "trusted cloud" into two
  // words; given one string it writes it as is, separated as pdf:Keywords is.
  doc.setKeywords([keywordsText(info.keywords)]);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  doc.setLanguage(info.language);

  // Chromium writes /Type /ViewerPreferences, a key the dictionary does not
  // have (ISO 32000-1, table 150): pdf.js warns about it.
  doc.catalog.lookupMaybe(PDFName.of("ViewerPreferences"), PDFDict)?.delete(PDFName.of("Type"));

  // The packet is XML in UTF-8 (ISO 16684-1): encoded here, because pdf-lib
  // keeps one byte per UTF-16 unit of a string. Left uncompressed so that
  // tools scanning the file for packets find it.
  const packet = Buffer.from(xmpPacket({ ...info, documentId }), "utf8");
  const metadata = doc.context.stream(packet, { Type: "Metadata", Subtype: "XML" });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(metadata));
  doc.catalog.set(PDFName.of("MarkInfo"), doc.context.obj({ Marked: PDFBool.True }));
}
