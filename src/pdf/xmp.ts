// XMP metadata packet: the same facts as the Info dictionary, in the form
// PDF/UA and archive tools read.
/** What the Info dictionary and the XMP packet both say about the document. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject?: string;
  keywords: string[];
  language: string;
  creator: string;
  producer: string;
  /** Creation and modification date written into the file. */
  date: Date;
}

export interface XmpFields extends DocumentInfo {
  documentId: string;
}

/** Keywords as one string, for Info /Keywords and pdf:Keywords: commas keep "trusted cloud" one keyword. */
export const keywordsText = (keywords: string[]) => keywords.join(", ");

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function xmpPacket(f: XmpFields): string {
  const iso = f.date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(f.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${esc(f.author)}</rdf:li></rdf:Seq></dc:creator>
   ${f.subject ? `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(f.subject)}</rdf:li></rdf:Alt></dc:description>` : ""}
   <dc:subject><rdf:Bag>${f.keywords.map((k) => `<rdf:li>${esc(k)}</rdf:li>`).join("")}</rdf:Bag></dc:subject>
   <dc:language><rdf:Bag><rdf:li>${esc(f.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>${esc(f.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${iso}</xmp:CreateDate>
   <xmp:ModifyDate>${iso}</xmp:ModifyDate>
   <xmp:MetadataDate>${iso}</xmp:MetadataDate>
   <pdf:Producer>${esc(f.producer)}</pdf:Producer>
   <pdf:Keywords>${esc(keywordsText(f.keywords))}</pdf:Keywords>
   <xmpMM:DocumentID>uuid:${f.documentId}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:${f.documentId}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
