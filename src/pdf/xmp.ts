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
  /** The standards the file claims, written as pdfaid and pdfuaid. */
  standards?: Standards;
}

/** PDF/A part and level (ISO 19005), PDF/UA part (ISO 14289). */
export interface Standards {
  pdfa?: { part: 3; conformance: "A" | "U" | "B" };
  pdfua?: 1;
}

/** "PDF/A-3a", "PDF/UA-1": the names the archive records. */
export function standardNames(s: Standards | undefined): string[] {
  return [...(s?.pdfa ? [`PDF/A-${s.pdfa.part}${s.pdfa.conformance.toLowerCase()}`] : []), ...(s?.pdfua ? [`PDF/UA-${s.pdfua}`] : [])];
}

// pdfaid is part of PDF/A itself; pdfuaid is not, so a PDF/A file that uses it
// describes it with the extension schema container (ISO 19005-3, 6.6.2.3).
const PDFUA_EXTENSION = `
  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Part of ISO 14289 to which the file conforms</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>`;

function identification(s: Standards | undefined): string {
  const parts: string[] = [];
  if (s?.pdfa)
    parts.push(`
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>${s.pdfa.part}</pdfaid:part>
   <pdfaid:conformance>${s.pdfa.conformance}</pdfaid:conformance>
  </rdf:Description>`);
  if (s?.pdfua)
    parts.push(`
  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>${s.pdfua}</pdfuaid:part>
  </rdf:Description>${s.pdfa ? PDFUA_EXTENSION : ""}`);
  return parts.join("");
}

export interface XmpFields extends DocumentInfo {
  documentId: string;
}

/** Keywords as one string, for Info /Keywords and pdf:Keywords: commas keep "trusted cloud" one keyword. */
export const keywordsText = (keywords: string[]) => keywords.join(", ");

// XML 1.0 cannot hold control characters (but tab and line breaks), U+FFFE,
// U+FFFF or lone surrogates, not even as &#…; references: they are dropped,
// so the packet stays well-formed whatever a manifest holds (check refuses
// them in the manifest; this is the last guard).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 cannot hold, to remove
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;
const esc = (s: string) =>
  s.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

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
  </rdf:Description>${identification(f.standards)}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
